package org.civicdesk.charity.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.civicdesk.charity.CharityEvent;
import org.civicdesk.charity.DonationCommand;
import org.civicdesk.charity.internal.Views.DonationView;
import org.civicdesk.directory.TokenHolders;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.IdempotentRequests;
import org.civicdesk.shared.ProblemException;
import org.civicdesk.shared.Problems;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The donation ledger (捐赠台账). Each payment is reported with an idempotency key, so a channel
 * that retries — on 99 Giving Day (99公益日) many report at once — has it counted exactly once: a
 * key is unique among the donations its account reported (another account's same key is another
 * payment), a repeat with the same body gets the donation recorded first, and a repeat with another
 * body is refused. Recording a donation takes no lock that another donation could hold: the
 * donations a node receives at one moment are written together (a {@link GroupCommit}: one
 * transaction, one multi-row insert), each answered once that has committed, with a receipt still
 * pending; {@link ReceiptIssuer} finds and numbers it moments later, and the ledger's row is never
 * written again. A counter taken by every request would cap the whole city's intake at one row's lock.
 * The donation enters the audit trail with its receipt, in the issuer's entry for its batch, not in
 * an entry of its own: the ledger row is the record of the report until then.
 */
@Service
@EnableConfigurationProperties(IntakeSettings.class)
class DonationLedger implements DisposableBean {

    static final String CAMPAIGN_ENDED = "CAMPAIGN_ENDED";
    static final String NOT_RECORDED = "DONATION_NOT_RECORDED";

    private static final String SELECT = """
            SELECT d.id, r.receipt_no, c.code, c.name, d.amount, d.donor_name, d.anonymous, d.received_on,
                   d.handled_by, d.handler_name, d.example, d.late_reason, d.request_hash
            FROM charity_donation d JOIN charity_campaign c ON c.id = d.campaign_id
                LEFT JOIN charity_receipt r ON r.donation_id = d.id""";

    /** A donation and whether it had been recorded before under the same key. */
    record Recorded(DonationView donation, boolean replayed) {
    }

    private record Entry(DonationView view, String requestHash) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Map<String, CampaignRef> campaignRefs = new ConcurrentHashMap<>();
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CityDate city;
    private final IntakeSettings settings;
    private final boolean postgres;
    private final GroupCommit<NewDonation, Written> intake;
    private final TokenHolders tokenHolders;

    DonationLedger(JdbcClient jdbc, JdbcTemplate batches, ApplicationEventPublisher events, Clock clock, CityDate city,
            PlatformTransactionManager transactions, IntakeSettings settings, TokenHolders tokenHolders) {
        this.jdbc = jdbc;
        this.tokenHolders = tokenHolders;
        this.batches = batches;
        this.events = events;
        this.clock = clock;
        this.city = city;
        this.settings = settings;
        this.postgres = "PostgreSQL".equals(batches.execute((Connection con) -> con.getMetaData().getDatabaseProductName()));
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setTimeout((int) settings.transactionTimeout().toSeconds());
        this.intake = new GroupCommit<>("donation-intake", settings.maxBatch(), settings.queueCapacity(), tx, this::writeBounded,
                () -> new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, NOT_RECORDED, "charity.problem.notRecorded",
                        List.of()));
    }

    /**
     * Records a donation received today, handled by the signed-in officer or payment channel, whom
     * the receipt names. Everything that can refuse this request alone is checked here, before it
     * joins a batch of the intake; the answer comes once its batch has committed.
     */
    Recorded record(DonationCommand cmd, String key) {
        Actor handler = Actor.require();
        String tokenToConfirm = Actor.tokenToConfirm().orElse(null);
        Checks checks = new Checks();
        checks.required(IdempotentRequests.KEY_HEADER, key).maxLength(IdempotentRequests.KEY_HEADER, key, 200);
        checks.required("campaign", cmd.campaign());
        BigDecimal amount = Money.parse(checks, "amount", cmd.amount(), true);
        checks.maxLength("donorName", cmd.donorName(), 200);
        String lateReason = Campaigns.blankToNull(cmd.lateReason());
        checks.maxLength("lateReason", lateReason, 500);
        checks.throwIfAny();
        String donorName = Campaigns.blankToNull(cmd.donorName());
        boolean anonymous = Boolean.TRUE.equals(cmd.anonymous()) || donorName == null;
        boolean example = Boolean.TRUE.equals(cmd.example());
        String hash = fingerprint(cmd.campaign().trim(), amount, donorName, anonymous, example, lateReason);

        LocalDate receivedOn = city.today();
        CampaignRef campaign = campaign(cmd.campaign().trim())
                .orElseThrow(() -> Problems.invalid("campaign", "charity.validation.unknownCampaign"));
        boolean ended = campaign.endsOn() != null && receivedOn.isAfter(campaign.endsOn());
        if (ended && lateReason == null) {
            if (tokenToConfirm != null) {
                // Nothing is written on this path to confirm the token: it is confirmed before anything is read.
                handler = confirmed(Set.of(tokenToConfirm), OffsetDateTime.now(clock)).answer(tokenToConfirm);
            }
            Optional<Entry> earlier = byKey(handler.username(), key);
            if (earlier.isPresent()) {
                return replay(earlier.get(), hash).answer();
            }
            throw Problems.conflict(CAMPAIGN_ENDED, "charity.problem.campaignEnded", campaign.name(),
                    campaign.endsOn().toString());
        }
        if (!ended && lateReason != null) {
            throw Problems.invalid("lateReason", "charity.validation.notLate");
        }
        NewDonation donation = new NewDonation(campaign, amount, donorName, anonymous, receivedOn, handler.username(),
                handler.displayName(), key, hash, example, lateReason, tokenToConfirm);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // A caller with a transaction of its own, such as the demo city's loader setting up the
            // campaign it gives to, keeps the donation in it: the intake's writer could not see that
            // campaign, nor undo the donation with the rest.
            return write(List.of(donation)).get(0).answer();
        }
        return intake.submit(donation).answer();
    }

    /** A donation checked and ready to be written. */
    private record NewDonation(CampaignRef campaign, BigDecimal amount, String donorName, boolean anonymous,
            LocalDate receivedOn, String handledBy, String handlerName, String key, String hash, boolean example,
            String lateReason, String tokenToConfirm) {

        /** The same donation, handled by the token's holder as the write found them. */
        NewDonation handledBy(Actor holder) {
            return new NewDonation(campaign, amount, donorName, anonymous, receivedOn, holder.username(),
                    holder.displayName(), key, hash, example, lateReason, null);
        }

        /** Who sent it and under which key: what the ledger keeps unique. */
        String identity() {
            return handledBy + "\n" + key;
        }
    }

    /** The answer to one donation of a batch: recorded, replayed, or refused (a key reused with another body). */
    private record Written(Recorded recorded, ProblemException refusal) {

        Recorded answer() {
            if (refusal != null) {
                throw refusal;
            }
            return recorded;
        }
    }

    /**
     * Writes a batch of donations in the intake's transaction. A key sent twice within the batch is
     * written once, and the repeats are answered as repeats of it; a key already on the ledger, or
     * being written by another node at this moment, is skipped by the insert ({@code ON CONFLICT DO
     * NOTHING} waits for that other transaction and then sees its row) and answered from the row. So
     * no donation of a batch can fail the others.
     */
    private List<Written> write(List<NewDonation> requests) {
        Written[] answers = new Written[requests.size()];
        List<NewDonation> batch = confirmTokens(requests, answers);
        Map<String, List<Integer>> byIdentity = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i) != null) {
                byIdentity.computeIfAbsent(batch.get(i).identity(), k -> new ArrayList<>()).add(i);
            }
        }
        List<NewDonation> firsts = byIdentity.values().stream().map(same -> batch.get(same.get(0))).toList();
        Map<String, Long> inserted = firsts.isEmpty() ? Map.of() : insert(firsts);
        for (List<Integer> same : byIdentity.values()) {
            NewDonation first = batch.get(same.get(0));
            Long id = inserted.get(first.identity());
            Entry recorded;
            if (id != null) {
                recorded = new Entry(new DonationView(id, null, first.campaign().code(), first.campaign().name(),
                        Money.format(first.amount()), Money.capitals(first.amount()), first.donorName(),
                        first.anonymous(), first.receivedOn(), first.handledBy(), first.handlerName(), first.example(),
                        first.lateReason()), first.hash());
                events.publishEvent(new CharityEvent.DonationRecorded(id, first.campaign().code(), first.amount()));
                answers[same.get(0)] = new Written(new Recorded(recorded.view(), false), null);
            } else {
                recorded = byKey(first.handledBy(), first.key()).orElseThrow(() -> new IllegalStateException(
                        "A donation's key conflicted with a row that cannot be read: " + first.identity()));
            }
            for (int i : same) {
                if (answers[i] == null) {
                    answers[i] = replay(recorded, batch.get(i).hash());
                }
            }
        }
        return List.of(answers);
    }

    /**
     * Confirms, in one statement, the tokens that let this batch's requests in on what their node knew
     * of them ({@link org.civicdesk.shared.TokenConfirmedAtWrite}): a request whose token is no longer
     * its holder's is answered 401, one whose holder lost the role 403, each with nothing written; the
     * others are handled by the holder as the database has them now. The batch in its order, with null
     * in place of each request refused, whose answer is in {@code answers}.
     */
    private List<NewDonation> confirmTokens(List<NewDonation> requests, Written[] answers) {
        Set<String> toConfirm = new HashSet<>();
        for (NewDonation d : requests) {
            if (d.tokenToConfirm() != null) {
                toConfirm.add(d.tokenToConfirm());
            }
        }
        if (toConfirm.isEmpty()) {
            return requests;
        }
        Confirmed confirmed = confirmed(toConfirm, OffsetDateTime.now(clock));
        List<NewDonation> batch = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            NewDonation d = requests.get(i);
            if (d.tokenToConfirm() == null) {
                batch.add(d);
                continue;
            }
            try {
                batch.add(d.handledBy(confirmed.answer(d.tokenToConfirm())));
            } catch (ProblemException refused) {
                answers[i] = new Written(null, refused);
                batch.add(null);
            }
        }
        return batch;
    }

    /** The holders of tokens as the database has them now, and the refusal of each token it does not. */
    private record Confirmed(Map<String, Actor> holders) {

        Actor answer(String tokenHash) {
            Actor holder = holders.get(tokenHash);
            if (holder == null) {
                throw Problems.invalidToken();
            }
            if (!holder.has(DonationApiController.RECORDER)) {
                throw Problems.forbidden();
            }
            return holder;
        }
    }

    private Confirmed confirmed(Set<String> tokenHashes, OffsetDateTime now) {
        Map<String, Actor> holders = new HashMap<>();
        tokenHolders.holders(tokenHashes, now).forEach((hash, account) -> {
            if (account.enabled()) {
                holders.put(hash, account.actor());
            }
        });
        return new Confirmed(holders);
    }

    /**
     * A batch of the intake, in a transaction that the receipt issuer counts on never staying open
     * much longer than {@link IntakeSettings#transactionTimeout()}: Spring starts no statement after
     * it and cancels one still running, and PostgreSQL ends a transaction left waiting between
     * statements, as by a JVM paused too long, after a quarter of it.
     */
    private List<Written> writeBounded(List<NewDonation> batch) {
        if (postgres) {
            jdbc.sql("SELECT set_config('idle_in_transaction_session_timeout', :t, TRUE)")
                    .param("t", settings.transactionTimeout().toMillis() / 4 + "ms").query().singleRow();
        }
        return write(batch);
    }

    private static final String INSERT = """
            INSERT INTO charity_donation (campaign_id, amount, donor_name, anonymous, received_on, handled_by,
                handler_name, idempotency_key, request_hash, example, late_reason, created_at)
            VALUES %s ON CONFLICT DO NOTHING""";

    /**
     * One statement for the whole batch, on both databases; the ids of the rows it inserted, by the
     * identity of their donation. A donation whose key is on the ledger already has no id here.
     */
    private Map<String, Long> insert(List<NewDonation> donations) {
        String sql = INSERT.formatted(String.join(", ", Collections.nCopies(donations.size(),
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")));
        OffsetDateTime now = OffsetDateTime.now(clock);
        return batches.execute((Connection con) -> con.prepareStatement(sql, new String[] { "id", "handled_by", "idempotency_key" }),
                (PreparedStatement ps) -> {
                    int p = 0;
                    for (NewDonation d : donations) {
                        ps.setLong(++p, d.campaign().id());
                        ps.setBigDecimal(++p, d.amount());
                        ps.setString(++p, d.donorName());
                        ps.setBoolean(++p, d.anonymous());
                        ps.setObject(++p, d.receivedOn());
                        ps.setString(++p, d.handledBy());
                        ps.setString(++p, d.handlerName());
                        ps.setString(++p, d.key());
                        ps.setString(++p, d.hash());
                        ps.setBoolean(++p, d.example());
                        ps.setString(++p, d.lateReason());
                        ps.setObject(++p, now);
                    }
                    ps.executeUpdate();
                    Map<String, Long> ids = new HashMap<>();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        while (keys.next()) {
                            ids.put(keys.getString(2) + "\n" + keys.getString(3), keys.getLong(1));
                        }
                    }
                    return ids;
                });
    }

    /** How many donations wait for the intake's writer now. */
    int waitingToBeWritten() {
        return intake.waiting();
    }

    @Override
    public void destroy() {
        intake.close(settings.transactionTimeout().multipliedBy(2));
    }

    /** What a donation needs to know of its campaign. */
    private record CampaignRef(long id, String code, String name, LocalDate endsOn) {
    }

    /**
     * A campaign's id, code, name and end never change once it is set up, so each node keeps those it
     * has looked up and a donation costs no lookup of its own, the check that the campaign is still
     * open included: nothing another node could change is kept.
     */
    private Optional<CampaignRef> campaign(String code) {
        CampaignRef known = campaignRefs.get(code);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<CampaignRef> found = jdbc.sql("SELECT id, code, name, ends_on FROM charity_campaign WHERE code = :code")
                .param("code", code)
                .query((rs, n) -> new CampaignRef(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getObject("ends_on", LocalDate.class)))
                .optional();
        found.ifPresent(ref -> campaignRefs.put(code, ref));
        return found;
    }

    private static Written replay(Entry earlier, String hash) {
        if (!earlier.requestHash().equals(hash)) {
            return new Written(null, Problems.conflict(IdempotentRequests.KEY_REUSED, "charity.problem.keyReused"));
        }
        return new Written(new Recorded(earlier.view(), true), null);
    }

    private Optional<Entry> byKey(String sender, String key) {
        return jdbc.sql(SELECT + " WHERE d.handled_by = :sender AND d.idempotency_key = :key")
                .param("sender", sender).param("key", key)
                .query((rs, n) -> new Entry(map(rs, n), rs.getString("request_hash"))).optional();
    }

    DonationView donation(long id) {
        return jdbc.sql(SELECT + " WHERE d.id = :id").param("id", id).query(DonationLedger::map).optional()
                .orElseThrow(() -> Problems.notFound("donation", id));
    }

    /** The ledger, latest first, of one campaign or of all. */
    List<DonationView> ledger(String campaign, int limit) {
        return ledger(campaign, null, 0, limit);
    }

    /**
     * A page of the ledger, latest first, of one campaign or of all, and of the donations whose donor
     * or receipt number contains {@code q}.
     */
    List<DonationView> ledger(String campaign, String q, long offset, int limit) {
        return filtered(jdbc.sql(SELECT + where(campaign, q) + " ORDER BY d.id DESC LIMIT :limit OFFSET :offset"),
                campaign, q).param("limit", limit).param("offset", offset).query(DonationLedger::map).list();
    }

    /** How many donations {@link #ledger(String, String, long, int)} pages through. */
    long ledgerSize(String campaign, String q) {
        return filtered(jdbc.sql("""
                SELECT COUNT(*) FROM charity_donation d JOIN charity_campaign c ON c.id = d.campaign_id
                    LEFT JOIN charity_receipt r ON r.donation_id = d.id""" + where(campaign, q)), campaign, q)
                .query(Long.class).single();
    }

    private static String where(String campaign, String q) {
        List<String> terms = new ArrayList<>();
        if (campaign != null && !campaign.isBlank()) {
            terms.add("c.code = :campaign");
        }
        if (q != null && !q.isBlank()) {
            terms.add("(LOWER(d.donor_name) LIKE :q OR LOWER(r.receipt_no) LIKE :q)");
        }
        return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec sql, String campaign, String q) {
        if (campaign != null && !campaign.isBlank()) {
            sql = sql.param("campaign", campaign.trim());
        }
        if (q != null && !q.isBlank()) {
            sql = sql.param("q", "%" + q.trim().toLowerCase(Locale.ROOT) + "%");
        }
        return sql;
    }

    /**
     * The same request always gives the same fingerprint: "10" and "10.00" are one amount. An example
     * adds a line of its own, and so does a late entry's reason, so a real donation's fingerprint stays
     * what it was before either could be reported.
     */
    private static String fingerprint(String campaign, BigDecimal amount, String donorName, boolean anonymous,
            boolean example, String lateReason) {
        String canonical = String.join("\n", campaign, Money.format(amount), donorName == null ? "" : donorName,
                Boolean.toString(anonymous)) + (example ? "\nexample" : "")
                + (lateReason == null ? "" : "\nlate:" + lateReason);
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static DonationView map(ResultSet rs, int n) throws SQLException {
        BigDecimal amount = rs.getBigDecimal("amount");
        return new DonationView(rs.getLong("id"), rs.getString("receipt_no"), rs.getString("code"), rs.getString("name"),
                Money.format(amount), Money.capitals(amount), rs.getString("donor_name"), rs.getBoolean("anonymous"),
                rs.getObject("received_on", LocalDate.class), rs.getString("handled_by"), rs.getString("handler_name"),
                rs.getBoolean("example"), rs.getString("late_reason"));
    }
}
