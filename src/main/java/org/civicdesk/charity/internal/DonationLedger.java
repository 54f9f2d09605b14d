package org.civicdesk.charity.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.civicdesk.charity.CharityEvent;
import org.civicdesk.charity.DonationCommand;
import org.civicdesk.charity.internal.Views.DonationView;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.IdempotentRequests;
import org.civicdesk.shared.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The donation ledger (捐赠台账). Each payment is reported with an idempotency key, so a channel
 * that retries — on 99 Giving Day (99公益日) many report at once — has it counted exactly once: a
 * key is unique among the donations its account reported (another account's same key is another
 * payment), a repeat with the same body gets the donation recorded first, and a repeat with another
 * body is refused. Recording a donation takes no lock that another donation could hold: it is one
 * insert into the ledger and one into the issuer's queue, answered with a receipt still pending, and
 * {@link ReceiptIssuer} numbers it moments after it commits; the ledger's row is never written again.
 * A counter taken by every request would cap the whole city's intake at one row's lock.
 * The donation enters the audit trail with its receipt, in the issuer's entry for its batch, not in
 * an entry of its own: the ledger row is the record of the report until then.
 */
@Service
class DonationLedger {

    static final String CAMPAIGN_ENDED = "CAMPAIGN_ENDED";

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
    private final Map<String, CampaignRef> campaignRefs = new ConcurrentHashMap<>();
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CityDate city;
    private final TransactionTemplate tx;

    DonationLedger(JdbcClient jdbc, ApplicationEventPublisher events,
            Clock clock, CityDate city, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.city = city;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Records a donation received today, handled by the signed-in officer or payment channel, whom
     * the receipt names. A retry that races the first report of its key loses on the unique key and
     * is answered with the winner's donation.
     */
    Recorded record(DonationCommand cmd, String key) {
        Actor handler = Actor.require();
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
        try {
            return tx.execute(status -> {
                CampaignRef campaign = campaign(cmd.campaign().trim())
                        .orElseThrow(() -> Problems.invalid("campaign", "charity.validation.unknownCampaign"));
                boolean ended = campaign.endsOn() != null && receivedOn.isAfter(campaign.endsOn());
                if (ended && lateReason == null) {
                    Optional<Entry> earlier = byKey(handler, key);
                    if (earlier.isPresent()) {
                        return replay(earlier.get(), hash);
                    }
                    throw Problems.conflict(CAMPAIGN_ENDED, "charity.problem.campaignEnded", campaign.name(),
                            campaign.endsOn().toString());
                }
                if (!ended && lateReason != null) {
                    throw Problems.invalid("lateReason", "charity.validation.notLate");
                }
                GeneratedKeyHolder keys = new GeneratedKeyHolder();
                jdbc.sql("""
                        INSERT INTO charity_donation (campaign_id, amount, donor_name, anonymous, received_on,
                            handled_by, handler_name, idempotency_key, request_hash, example, late_reason, created_at)
                        VALUES (:campaign, :amount, :donorName, :anonymous, :receivedOn, :handledBy, :handlerName,
                            :key, :hash, :example, :lateReason, :now)""")
                        .param("campaign", campaign.id()).param("amount", amount).param("donorName", donorName)
                        .param("anonymous", anonymous).param("receivedOn", receivedOn)
                        .param("handledBy", handler.username()).param("handlerName", handler.displayName())
                        .param("key", key).param("hash", hash).param("example", example)
                        .param("lateReason", lateReason).param("now", OffsetDateTime.now(clock)).update(keys, "id");
                long id = keys.getKey().longValue();
                jdbc.sql("INSERT INTO charity_receipt_pending (donation_id) VALUES (:id)").param("id", id).update();
                DonationView created = new DonationView(id, null, campaign.code(), campaign.name(),
                        Money.format(amount), Money.capitals(amount), donorName, anonymous, receivedOn,
                        handler.username(), handler.displayName(), example, lateReason);
                events.publishEvent(new CharityEvent.DonationRecorded(id, campaign.code(), amount));
                return new Recorded(created, false);
            });
        } catch (DuplicateKeyException reportedBefore) {
            return replay(byKey(handler, key).orElseThrow(() -> reportedBefore), hash);
        }
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

    private static Recorded replay(Entry earlier, String hash) {
        if (!earlier.requestHash().equals(hash)) {
            throw Problems.conflict(IdempotentRequests.KEY_REUSED, "charity.problem.keyReused");
        }
        return new Recorded(earlier.view(), true);
    }

    private Optional<Entry> byKey(Actor sender, String key) {
        return jdbc.sql(SELECT + " WHERE d.handled_by = :sender AND d.idempotency_key = :key")
                .param("sender", sender.username()).param("key", key)
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
