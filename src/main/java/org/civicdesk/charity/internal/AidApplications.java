package org.civicdesk.charity.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.civicdesk.audit.AuditTrail;
import org.civicdesk.charity.AidApplicationCommand;
import org.civicdesk.charity.CharityEvent;
import org.civicdesk.charity.ReviewDecision;
import org.civicdesk.charity.internal.Views.AidApplicationView;
import org.civicdesk.charity.internal.Views.PaymentView;
import org.civicdesk.charity.internal.Views.ProgrammeView;
import org.civicdesk.directory.AccountSummary;
import org.civicdesk.directory.Directory;
import org.civicdesk.directory.OrgKind;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Attachments;
import org.civicdesk.shared.Attachments.Attachment;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Applications for aid (救助申请) and the one payment each approved application gets (救助支出). A
 * resident applies for itself; a charity officer or a community worker (社区工作者) applies on a
 * resident's behalf, who may have no account; the application is the resident's, and records who filed it.
 * The officers' queue puts what is waiting first and, within it, the categories the programme favours.
 */
@Service
@Transactional(readOnly = true)
class AidApplications {

    private static final String SELECT = """
            SELECT a.id, p.code, p.name AS programme_name, a.applicant, a.applicant_name, a.category, a.amount_requested,
                   a.request_reason, a.local_hukou, a.insured, a.favoured, a.reasons, a.applied_on, a.status,
                   a.amount_approved, a.decision_reason, a.decided_by, a.decided_on, a.example, a.recorded_by, pay.paid_on
            FROM aid_application a JOIN aid_programme p ON p.id = a.programme_id
            LEFT JOIN aid_payment pay ON pay.application_id = a.id""";

    /** What waits for an officer comes first, the favoured categories first within it, then the oldest. */
    private static final String QUEUE_ORDER =
            " ORDER BY CASE a.status WHEN 'SUBMITTED' THEN 0 WHEN 'APPROVED' THEN 1 ELSE 2 END, a.favoured DESC, a.id";

    private record Row(AidApplication application, String programmeName) {
    }

    private final JdbcClient jdbc;
    private final AidProgrammes programmes;
    private final Directory directory;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;
    private final CityDate city;
    private final Attachments attachments;

    AidApplications(JdbcClient jdbc, AidProgrammes programmes, Directory directory, AuditTrail audit,
            ApplicationEventPublisher events, MessageSource messages, Clock clock, CityDate city,
            Attachments attachments) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.directory = directory;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
        this.city = city;
        this.attachments = attachments;
    }

    /** Checks an application against its programme's rules at once and submits it with the outcome. */
    @Transactional
    AidApplicationView apply(String programmeCode, AidApplicationCommand cmd) {
        Actor actor = Actor.require();
        boolean onBehalf = appliesForOthers(actor);
        String named = Campaigns.blankToNull(cmd.applicant());
        if (named != null && !named.equals(actor.username()) && !onBehalf) {
            throw Problems.forbidden();
        }
        ProgrammeView programme = programmes.view(programmeCode);
        Checks checks = new Checks();
        String applicant = null;
        String applicantName = Campaigns.blankToNull(cmd.applicantName());
        if (onBehalf && named == null && applicantName != null) {
            checks.maxLength("applicantName", applicantName, 200);
        } else {
            applicant = named != null ? named : actor.username();
            applicantName = directory.findAccount(applicant).filter(AccountSummary::enabled)
                    .map(AccountSummary::displayName).orElse(null);
            checks.check(applicantName != null, "applicant", "charity.validation.unknownApplicant");
        }
        checks.required("category", cmd.category());
        HouseholdCategory category = checks.oneOf("category", cmd.category(), HouseholdCategory.class);
        BigDecimal amount = Money.parse(checks, "amountRequested", cmd.amountRequested(), true);
        String reason = Campaigns.blankToNull(cmd.reason());
        checks.required("reason", reason).maxLength("reason", reason, 2000);
        checks.throwIfAny();
        LocalDate today = city.today();
        List<String> unmet = AidProgrammes.unmetRules(programme, category, cmd.localHukou(), cmd.insured(), today);
        boolean favoured = unmet.isEmpty() && programme.favouredCategories().contains(category);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO aid_application (programme_id, applicant, applicant_name, category, amount_requested,
                    request_reason, local_hukou, insured, eligible, favoured, reasons, applied_on, status, example,
                    recorded_by, created_at)
                SELECT id, :applicant, :name, :category, :amount, :reason, :hukou, :insured, :eligible, :favoured,
                    :reasons, :today, 'SUBMITTED', :example, :by, :now
                FROM aid_programme WHERE code = :programme""")
                .param("applicant", applicant).param("name", applicantName).param("category", category.name())
                .param("amount", amount).param("reason", reason).param("hukou", cmd.localHukou())
                .param("insured", cmd.insured()).param("eligible", unmet.isEmpty()).param("favoured", favoured)
                .param("reasons", String.join(",", unmet)).param("today", today)
                .param("example", Boolean.TRUE.equals(cmd.example())).param("by", actor.username())
                .param("now", OffsetDateTime.now(clock)).param("programme", programme.code()).update(keys, "id");
        long id = keys.getKey().longValue();
        AidApplicationView submitted = view(row(id));
        audit.record("aid.application.submitted", "aid-application", Long.toString(id), null, submitted);
        events.publishEvent(new CharityEvent.AidApplicationChecked(id, programme.code(), unmet.isEmpty()));
        return submitted;
    }

    /**
     * Whether the account files applications on residents' behalf: a charity officer, or a community
     * worker (社区工作者), that is a handler of a community or village (社区、村) in the directory.
     */
    boolean appliesForOthers(Actor actor) {
        return actor.has(Role.CHARITY_OFFICER) || actor.has(Role.HANDLER) && actor.orgCode() != null
                && directory.findOrg(actor.orgCode()).filter(org -> org.kind() == OrgKind.COMMUNITY).isPresent();
    }

    /** The application, to its applicant, whoever filed it, or an officer. */
    AidApplicationView application(long id) {
        Row row = row(id);
        if (!row.application().readableBy(Actor.require())) {
            throw Problems.forbidden();
        }
        return view(row);
    }

    /** Attaches a document (a diagnosis, a receipt, proof of hardship) to an application. */
    @Transactional
    Attachment attach(long id, MultipartFile file) {
        row(id).application().checkAttachableBy(Actor.require());
        Attachment attachment = attachments.attach(files(id), file);
        audit.record("aid.application.attached", "aid-application", Long.toString(id), null, attachment);
        return attachment;
    }

    List<Attachment> documents(long id) {
        application(id);
        return attachments.list(files(id));
    }

    ResponseEntity<byte[]> document(long id, long attachmentId) {
        application(id);
        return attachments.download(files(id), attachmentId);
    }

    private static Attachments.Owner files(long id) {
        return Attachments.Owner.of("aid_application_attachment", "application_id", id);
    }

    @Transactional
    AidApplicationView decide(long id, ReviewDecision decision) {
        String by = Actor.currentName();
        LocalDate today = city.today();
        AidApplication before = row(id).application();
        AidApplication after = change(before, a -> a.decide(decision, by, today));
        AidApplicationView decided = view(row(id));
        audit.record("aid.application.decided", "aid-application", Long.toString(id), view(before, null), decided);
        events.publishEvent(new CharityEvent.AidApplicationDecided(id, after.programme(),
                after.review().status() == Review.Status.APPROVED));
        return decided;
    }

    /**
     * Pays an approved application the amount approved, today. Of two payments at the same moment one
     * waits on the application's row and then finds it paid; the unique payment per application holds
     * even if it did not.
     */
    @Transactional
    PaymentView pay(long id) {
        LocalDate today = city.today();
        AidApplication before = row(id).application();
        AidApplication paid = change(before, a -> a.pay(today));
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO aid_payment (programme_id, application_id, recipient, amount, paid_on, recorded_by, example,
                    created_at)
                SELECT programme_id, id, applicant_name, amount_approved, :paidOn, :by, example, :now
                FROM aid_application WHERE id = :id""")
                .param("paidOn", today).param("by", Actor.currentName()).param("now", OffsetDateTime.now(clock))
                .param("id", id).update(keys, "id");
        PaymentView payment = programmes.payment(keys.getKey().longValue());
        audit.record("aid.paid", "aid-payment", Long.toString(payment.id()), null, payment);
        events.publishEvent(new CharityEvent.AidPaid(payment.id(), id, paid.programme(), paid.review().amount()));
        return payment;
    }

    /**
     * What a payment that lost a race with another answers: {@code ALREADY_PAID} when the other paid
     * the application, else the failure itself.
     */
    RuntimeException lostRace(long id, RuntimeException failure) {
        if ((failure instanceof DuplicateKeyException || failure instanceof ConcurrencyFailureException)
                && row(id).application().review().status() == Review.Status.PAID) {
            return Problems.conflict(Review.ALREADY_PAID, "charity.problem.alreadyPaid");
        }
        return failure;
    }

    /**
     * What the officers' queue is narrowed to; each part left {@code null} asks for all.
     *
     * @param like a lower-case {@code LIKE} pattern the applicant's name or username matches
     * @param from the first day of applying, {@code to} the last
     */
    record QueueFilter(Review.Status status, String programme, String like, LocalDate from, LocalDate to) {

        static QueueFilter of(Review.Status status, String programme) {
            return new QueueFilter(status, Campaigns.blankToNull(programme), null, null, null);
        }
    }

    private static final String QUEUE_WHERE = """
             WHERE (CAST(:status AS VARCHAR(16)) IS NULL OR a.status = :status)
              AND (CAST(:programme AS VARCHAR(64)) IS NULL OR p.code = :programme)
              AND (CAST(:like AS VARCHAR(300)) IS NULL OR LOWER(a.applicant_name) LIKE :like
                   OR LOWER(a.applicant) LIKE :like)
              AND (CAST(:from AS DATE) IS NULL OR a.applied_on >= :from)
              AND (CAST(:to AS DATE) IS NULL OR a.applied_on <= :to)""";

    /** A page of the officers' queue, narrowed as the filter asks. */
    List<AidApplicationView> queue(QueueFilter filter, long offset, int limit) {
        return filtered(jdbc.sql(SELECT + " " + QUEUE_WHERE + QUEUE_ORDER + " LIMIT :limit OFFSET :offset"), filter)
                .param("limit", limit).param("offset", offset)
                .query(AidApplications::map).list().stream().map(this::view).toList();
    }

    /** How many applications {@link #queue(QueueFilter, long, int)} pages through. */
    long queueSize(QueueFilter filter) {
        return filtered(jdbc.sql("SELECT COUNT(*) FROM aid_application a JOIN aid_programme p ON p.id = a.programme_id"
                + " " + QUEUE_WHERE), filter).query(Long.class).single();
    }

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec sql, QueueFilter f) {
        return sql.param("status", f.status() == null ? null : f.status().name()).param("programme", f.programme())
                .param("like", f.like()).param("from", f.from()).param("to", f.to());
    }

    /** The applications an account made, that were made for it, or that it filed for others, latest first. */
    List<AidApplicationView> of(String account) {
        return jdbc.sql(SELECT + " WHERE a.applicant = :account OR a.recorded_by = :account ORDER BY a.id DESC")
                .param("account", account)
                .query(AidApplications::map).list().stream().map(this::view).toList();
    }

    private AidApplication change(AidApplication before, UnaryOperator<AidApplication> step) {
        return Reviewed.change(jdbc, "aid_application", "amount_approved", before, step,
                after -> Collections.singletonMap("decided_on", after.review().decidedOn()),
                id -> row(id).application());
    }

    private Row row(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id").param("id", id).query(AidApplications::map).optional()
                .orElseThrow(() -> Problems.notFound("aid-application", id));
    }

    private AidApplicationView view(Row row) {
        return view(row.application(), row.programmeName());
    }

    /** Each rule not met as a sentence in the reader's language. */
    private AidApplicationView view(AidApplication a, String programmeName) {
        Locale locale = LocaleContextHolder.getLocale();
        Review review = a.review();
        return new AidApplicationView(a.id(), a.programme(), programmeName, a.applicant(), a.applicantName(),
                a.category(), a.amountRequested() == null ? null : Money.format(a.amountRequested()), a.reason(),
                a.localHukou(), a.insured(), a.eligible(), a.favoured(),
                a.unmetRules().stream().map(key -> messages.getMessage(key, null, locale)).toList(), a.appliedOn(),
                review.status(), review.amount() == null ? null : Money.format(review.amount()), review.reason(),
                review.decidedOn(), a.paidOn(), a.example(), a.filedBy());
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        Review review = new Review(Review.Status.valueOf(rs.getString("status")), rs.getBigDecimal("amount_approved"),
                rs.getString("decision_reason"), rs.getString("decided_by"),
                rs.getObject("decided_on", LocalDate.class));
        return new Row(new AidApplication(rs.getLong("id"), rs.getString("code"), rs.getString("applicant"),
                rs.getString("applicant_name"), HouseholdCategory.valueOf(rs.getString("category")),
                rs.getBigDecimal("amount_requested"), rs.getString("request_reason"),
                rs.getObject("local_hukou", Boolean.class), rs.getObject("insured", Boolean.class),
                rs.getBoolean("favoured"), AidProgrammes.split(rs.getString("reasons")),
                rs.getObject("applied_on", LocalDate.class), review, rs.getObject("paid_on", LocalDate.class),
                rs.getBoolean("example"), rs.getString("recorded_by")), rs.getString("programme_name"));
    }
}
