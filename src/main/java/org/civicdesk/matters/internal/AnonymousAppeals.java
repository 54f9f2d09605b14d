package org.civicdesk.matters.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.civicdesk.directory.Directory;
import org.civicdesk.directory.OrgSummary;
import org.civicdesk.matters.MatterId;
import org.civicdesk.matters.MatterStatus;
import org.civicdesk.matters.MatterType;
import org.civicdesk.matters.Matters;
import org.civicdesk.shared.AccountNames;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.PrivacyNotice;
import org.civicdesk.shared.Redactor;
import org.civicdesk.shared.Role;
import org.civicdesk.shared.SubmissionLimits;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Positive;

/**
 * 匿名反映 — appeals (群众诉求) that residents raise without an account and without giving a name.
 * Each is an ordinary matter of type APPEAL, raised by {@link #ANONYMOUS}, which no account can be;
 * whoever raised it holds a tracking code (查询码), shown once, that lets them follow its progress
 * and rate its answer as its raiser would. Only a hash of the code is kept. What the code shows is
 * what the appeal itself says, its steps without the names of those who took them, the departments
 * handling it and their answers with contact details removed ({@link Redactor}).
 *
 * <p>Anyone may report, so reports are limited per client address ({@link SubmissionLimits}).
 */
@Service
@EnableConfigurationProperties(AnonymousAppeals.Settings.class)
class AnonymousAppeals {

    /** The raiser of every anonymous appeal: no account is named so, and none sees these appeals as its own. */
    static final String ANONYMOUS = AccountNames.ANONYMOUS;

    /** Who raises and rates an anonymous appeal: a raiser with no account behind it. */
    private static final Actor REPORTER = new Actor(0, ANONYMOUS, ANONYMOUS, null, Set.of(Role.RAISER));

    /**
     * Crockford's base 32: no I, L, O or U, so that a code read aloud or copied by hand is typed right;
     * twelve of its letters are 60 random bits.
     */
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int CODE_LENGTH = 12;

    /** The steps the holder of a code sees; notes between departments and reminders stay inside. */
    private static final Set<String> PUBLIC_STEPS = Set.of("RAISED", "ACCEPTED", "REJECTED", "MERGED", "ASSIGNED",
            "SIGNED", "ANSWERED", "RATED_SATISFIED", "RATED_BASICALLY_SATISFIED", "RATED_UNSATISFIED",
            "CLOSED_UNRATED");

    /** What a resident reports. */
    record Report(String title, String content, String category, String district) {
    }

    /** A report raised: its matter and the tracking code, which exists nowhere else. */
    record Reported(MatterId matter, String trackingCode) {
    }

    /** What the holder of a tracking code reads. */
    record Tracked(long id, String title, String content, String category, String district, MatterStatus status,
            OffsetDateTime raisedAt, String rejectionReason, String rating, boolean mayRate, List<Step> steps,
            List<Handling> handling) {
    }

    /** One step of the appeal: when, what, and for a department's step which department. */
    record Step(OffsetDateTime at, String kind, String orgName) {
    }

    /** One department's part: its name, whether it leads, by when, and its answer once given. */
    record Handling(String orgName, boolean lead, LocalDate dueDate, OffsetDateTime answeredAt, String answer) {
    }

    private final SecureRandom random = new SecureRandom();
    private final MatterCommands commands;
    private final MatterRepository repo;
    private final Deadlines deadlines;
    private final Directory directory;
    private final SubmissionLimits limits;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Settings settings;

    AnonymousAppeals(MatterCommands commands, MatterRepository repo, Deadlines deadlines, Directory directory,
            SubmissionLimits limits, JdbcClient jdbc, TransactionTemplate tx, Settings settings) {
        this.commands = commands;
        this.repo = repo;
        this.deadlines = deadlines;
        this.directory = directory;
        this.limits = limits;
        this.jdbc = jdbc;
        this.tx = tx;
        this.settings = settings;
    }

    /**
     * Raises the report as an appeal from the web, checked as every matter is, and gives it a new
     * tracking code.
     *
     * @param client the address the report came from, for the per-client limit
     */
    Reported report(Report report, String client) {
        limits.take("appeal-report:" + client, settings.reportsPerClient(), settings.period(),
                "problem.reportRateLimited");
        String code = newCode();
        return tx.execute(s -> {
            MatterId id = commands.raise(REPORTER, new Matters.Raise(MatterType.APPEAL.name(), report.title(),
                    report.content(), null, null, null, report.category(), report.district(), Channel.WEB.name(),
                    false, false, List.of(), PrivacyNotice.VERSION), false);
            jdbc.sql("INSERT INTO matter_tracking (matter_id, code_hash, created_at) VALUES (:id, :hash, :now)")
                    .param("id", id.value()).param("hash", hash(code)).param("now", deadlines.now()).update();
            return new Reported(id, code);
        });
    }

    /** The appeal this tracking code was given for, however its holder typed it. */
    Optional<MatterId> find(String typed) {
        String code = normalise(typed);
        if (code.length() != CODE_LENGTH) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT matter_id FROM matter_tracking WHERE code_hash = :hash").param("hash", hash(code))
                .query(Long.class).optional().map(MatterId::new);
    }

    /** The code's holder requires it: refused naming the field {@code code} when no appeal has it. */
    MatterId require(String typed) {
        Checks checks = new Checks();
        checks.required("code", typed);
        Optional<MatterId> found = typed == null || typed.isBlank() ? Optional.empty() : find(typed);
        checks.check(typed == null || typed.isBlank() || found.isPresent(), "code", "track.unknownCode");
        checks.throwIfAny();
        return found.get();
    }

    /** What the holder of the appeal's code reads. */
    Tracked track(MatterId id) {
        Matter m = repo.load(id).orElseThrow();
        Map<String, String> orgNames = m.cases().stream().map(Case::orgCode).distinct()
                .collect(Collectors.toMap(Function.identity(), this::orgName));
        Map<Long, String> caseOrgs = m.cases().stream().filter(c -> !c.isNew())
                .collect(Collectors.toMap(c -> c.id().value(), c -> orgNames.get(c.orgCode())));
        List<Step> steps = repo.history(id).stream().filter(e -> PUBLIC_STEPS.contains(e.kind()))
                .map(e -> new Step(e.at(), e.kind(), e.caseId() == null ? null : caseOrgs.get(e.caseId())))
                .toList();
        List<Handling> handling = m.cases().stream().filter(c -> !c.replaced())
                .map(c -> new Handling(orgNames.get(c.orgCode()), c.role() == CaseRole.LEAD, c.dueDate(),
                        c.answeredAt(), c.answer() == null ? null : Redactor.redact(c.answer())))
                .toList();
        Matter.Facts f = m.facts();
        return new Tracked(id.value(), f.title(), f.content(), f.category(), f.district(), m.status(), f.raisedAt(),
                m.rejectionReason(), m.rating() == null ? null : m.rating().name(),
                m.allowedActions(REPORTER, deadlines).contains(MatterAction.RATE), steps, handling);
    }

    /** The holder of the code rates the answer, as a raiser does on its matter's page. */
    MatterStatus rate(MatterId id, Matters.Evaluation evaluation) {
        return commands.rate(REPORTER, id, evaluation);
    }

    private String orgName(String code) {
        return directory.findOrg(code).map(OrgSummary::name).orElse(code);
    }

    private String newCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** A code as printed ({@code 7KQ2-M9XD-4HRT}) as its holder may type it: any case, any separators, O for 0. */
    static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        return typed.toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", "").replace('O', '0').replace('I', '1')
                .replace('L', '1');
    }

    /** The code in the groups of four it is printed in. */
    static String grouped(String code) {
        return String.join("-", code.substring(0, 4), code.substring(4, 8), code.substring(8));
    }

    /**
     * Sixty random bits need no salt and no slow hash to be out of reach of guessing, and an unsalted
     * hash is what lets a code find its appeal.
     */
    private static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    /**
     * How many anonymous reports one client address may send (CIVICDESK_ANONYMOUS_REPORTS_REPORTS_PER_CLIENT)
     * per period (CIVICDESK_ANONYMOUS_REPORTS_PERIOD).
     */
    @ConfigurationProperties("civicdesk.anonymous-reports")
    @Validated
    record Settings(@DefaultValue("5") @Positive long reportsPerClient,
            @DefaultValue("1h") @DurationMin(minutes = 1) Duration period) {
    }
}
