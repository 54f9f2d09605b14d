package org.civicdesk.charity.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.civicdesk.audit.AuditTrail;
import org.civicdesk.charity.CharityEvent;
import org.civicdesk.charity.ClaimCommand;
import org.civicdesk.charity.PolicyCommand;
import org.civicdesk.charity.ReviewDecision;
import org.civicdesk.charity.internal.Views.ClaimView;
import org.civicdesk.charity.internal.Views.InsuranceView;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Attachments;
import org.civicdesk.shared.Attachments.Attachment;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The one-yuan livelihood insurance (一元民生保险): each year the federation insures the city's
 * residents under one policy, files their claims, reviews and pays them. The premium is what the
 * policy cost, not one yuan times the people covered (in 2022: 1.6 million people, 1.3 million yuan),
 * and what the claims paid over it is the loss ratio the disclosure shows (2022: 112 %).
 */
@Service
@Transactional(readOnly = true)
class LivelihoodInsurance {

    private static final String CLAIM = """
            SELECT c.id, p.policy_year, c.claimant, c.incident, c.incident_on, c.amount_claimed, c.filed_on, c.status,
                   c.amount, c.decision_reason, c.decided_by, c.paid_on, c.example
            FROM livelihood_claim c JOIN livelihood_policy p ON p.id = c.policy_id""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CityDate city;
    private final Attachments attachments;

    LivelihoodInsurance(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
            CityDate city, Attachments attachments) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.city = city;
        this.attachments = attachments;
    }

    @Transactional
    InsuranceView createPolicy(PolicyCommand cmd) {
        Checks checks = new Checks();
        checks.required("year", cmd.year())
                .check(cmd.year() == null || (cmd.year() >= 2000 && cmd.year() <= 2100), "year", "charity.validation.year");
        checks.required("insuredPeople", cmd.insuredPeople())
                .check(cmd.insuredPeople() == null || cmd.insuredPeople() > 0, "insuredPeople", "charity.validation.positive");
        BigDecimal premium = Money.parse(checks, "premium", cmd.premium(), true);
        checks.maxLength("insurer", cmd.insurer(), 200).maxLength("coverage", cmd.coverage(), 200);
        checks.throwIfAny();
        if (find(cmd.year()).isPresent()) {
            throw Problems.duplicate("year", cmd.year());
        }
        jdbc.sql("""
                INSERT INTO livelihood_policy (policy_year, insured_people, premium, insurer, coverage, created_at)
                VALUES (:year, :people, :premium, :insurer, :coverage, :now)""")
                .param("year", cmd.year()).param("people", cmd.insuredPeople()).param("premium", premium)
                .param("insurer", Campaigns.blankToNull(cmd.insurer()))
                .param("coverage", Campaigns.blankToNull(cmd.coverage())).param("now", OffsetDateTime.now(clock))
                .update();
        InsuranceView created = view(cmd.year());
        audit.record("insurance.policy.created", "livelihood-policy", cmd.year().toString(), null, created);
        events.publishEvent(new CharityEvent.InsurancePolicyCreated(cmd.year()));
        return created;
    }

    /** Files a claim for an incident of the policy's year. */
    @Transactional
    ClaimView fileClaim(int year, ClaimCommand cmd) {
        view(year);
        Checks checks = new Checks();
        String claimant = Campaigns.blankToNull(cmd.claimant());
        checks.required("claimant", claimant).maxLength("claimant", claimant, 200);
        String incident = Campaigns.blankToNull(cmd.incident());
        checks.required("incident", incident).maxLength("incident", incident, 2000);
        checks.required("incidentOn", cmd.incidentOn());
        LocalDate incidentOn = Campaigns.date(checks, "incidentOn", cmd.incidentOn());
        checks.check(incidentOn == null || incidentOn.getYear() == year, "incidentOn", "charity.validation.policyYear",
                year);
        BigDecimal claimed = Money.parse(checks, "amountClaimed", cmd.amountClaimed(), true);
        checks.throwIfAny();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO livelihood_claim (policy_id, claimant, incident, incident_on, amount_claimed, status,
                    filed_on, filed_by, example, created_at)
                SELECT id, :claimant, :incident, :incidentOn, :claimed, 'SUBMITTED', :today, :by, :example, :now
                FROM livelihood_policy WHERE policy_year = :year""")
                .param("claimant", claimant).param("incident", incident).param("incidentOn", incidentOn)
                .param("claimed", claimed).param("today", city.today()).param("by", Actor.currentName())
                .param("example", Boolean.TRUE.equals(cmd.example())).param("now", OffsetDateTime.now(clock))
                .param("year", year).update(keys, "id");
        ClaimView filed = view(claim(year, keys.getKey().longValue()));
        audit.record("insurance.claim.filed", "livelihood-claim", Long.toString(filed.id()), null, filed);
        events.publishEvent(new CharityEvent.InsuranceClaimFiled(filed.id(), year));
        return filed;
    }

    @Transactional
    ClaimView decide(int year, long id, ReviewDecision decision) {
        String by = Actor.currentName();
        LocalDate today = city.today();
        InsuranceClaim before = claim(year, id);
        InsuranceClaim after = change(before, c -> c.decide(decision, by, today));
        audit.record("insurance.claim.decided", "livelihood-claim", Long.toString(id), view(before), view(after));
        events.publishEvent(new CharityEvent.InsuranceClaimDecided(id, year,
                after.review().status() == Review.Status.APPROVED));
        return view(after);
    }

    /** Pays an approved claim the amount approved, today; of two payments at once, the second finds it paid. */
    @Transactional
    ClaimView pay(int year, long id) {
        LocalDate today = city.today();
        InsuranceClaim before = claim(year, id);
        InsuranceClaim after = change(before, c -> c.pay(today));
        audit.record("insurance.claim.paid", "livelihood-claim", Long.toString(id), view(before), view(after));
        events.publishEvent(new CharityEvent.InsuranceClaimPaid(id, year, after.review().amount()));
        return view(after);
    }

    ClaimView claimView(int year, long id) {
        return view(claim(year, id));
    }

    /** Attaches a document (a medical record, an invoice, a police report) to a claim. */
    @Transactional
    Attachment attach(int year, long id, MultipartFile file) {
        claim(year, id);
        Attachment attachment = attachments.attach(files(id), file);
        audit.record("insurance.claim.attached", "livelihood-claim", Long.toString(id), null, attachment);
        return attachment;
    }

    List<Attachment> documents(int year, long id) {
        claim(year, id);
        return attachments.list(files(id));
    }

    ResponseEntity<byte[]> document(int year, long id, long attachmentId) {
        claim(year, id);
        return attachments.download(files(id), attachmentId);
    }

    private static Attachments.Owner files(long id) {
        return Attachments.Owner.of("livelihood_claim_attachment", "claim_id", id);
    }

    /** The claims on a year's policy, of one status if asked, latest first. */
    /**
     * What a list of a year's claims is narrowed to; each part left {@code null} asks for all.
     *
     * @param like a lower-case {@code LIKE} pattern the claimant or the incident matches
     * @param from the first day of the incidents, {@code to} the last
     */
    record ClaimFilter(Review.Status status, String like, LocalDate from, LocalDate to) {
    }

    private static final String CLAIM_WHERE = """
             WHERE p.policy_year = :year AND (CAST(:status AS VARCHAR(16)) IS NULL OR c.status = :status)
              AND (CAST(:like AS VARCHAR(300)) IS NULL OR LOWER(c.claimant) LIKE :like OR LOWER(c.incident) LIKE :like)
              AND (CAST(:from AS DATE) IS NULL OR c.incident_on >= :from)
              AND (CAST(:to AS DATE) IS NULL OR c.incident_on <= :to)""";

    /** The claims on a year's policy, latest first, of one status if asked. */
    List<ClaimView> claims(int year, Review.Status status) {
        return claims(year, new ClaimFilter(status, null, null, null), 0, Integer.MAX_VALUE);
    }

    /** A page of the claims on a year's policy, latest first, narrowed as the filter asks. */
    List<ClaimView> claims(int year, ClaimFilter filter, long offset, int limit) {
        view(year);
        return filtered(jdbc.sql(CLAIM + " " + CLAIM_WHERE + " ORDER BY c.id DESC LIMIT :limit OFFSET :offset"), year, filter)
                .param("limit", limit).param("offset", offset)
                .query(LivelihoodInsurance::map).list().stream().map(LivelihoodInsurance::view).toList();
    }

    /** How many claims {@link #claims(int, ClaimFilter, long, int)} pages through. */
    long claimsSize(int year, ClaimFilter filter) {
        return filtered(jdbc.sql("SELECT COUNT(*) FROM livelihood_claim c JOIN livelihood_policy p ON p.id = c.policy_id"
                + " " + CLAIM_WHERE), year, filter).query(Long.class).single();
    }

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec sql, int year, ClaimFilter f) {
        return sql.param("year", year).param("status", f.status() == null ? null : f.status().name())
                .param("like", f.like()).param("from", f.from()).param("to", f.to());
    }

    List<Integer> years() {
        return jdbc.sql("SELECT policy_year FROM livelihood_policy ORDER BY policy_year DESC").query(Integer.class)
                .list();
    }

    Optional<InsuranceView> find(int year) {
        return jdbc.sql("""
                SELECT p.policy_year, p.insured_people, p.premium, p.insurer, p.coverage,
                       (SELECT COUNT(*) FROM livelihood_claim c WHERE c.policy_id = p.id AND c.status = 'PAID') AS claims,
                       (SELECT COALESCE(SUM(c.amount), 0) FROM livelihood_claim c
                        WHERE c.policy_id = p.id AND c.status = 'PAID') AS paid
                FROM livelihood_policy p WHERE p.policy_year = :year""").param("year", year)
                .query((rs, n) -> new InsuranceView(rs.getInt("policy_year"), rs.getLong("insured_people"),
                        Money.format(rs.getBigDecimal("premium")), rs.getString("insurer"), rs.getString("coverage"),
                        rs.getLong("claims"), Money.format(rs.getBigDecimal("paid")),
                        lossRatio(rs.getBigDecimal("paid"), rs.getBigDecimal("premium"))))
                .optional();
    }

    InsuranceView view(int year) {
        return find(year).orElseThrow(() -> Problems.notFound("livelihood-policy", year));
    }

    /** Claims paid over the premium, in whole percent rounded half up: 1,459,300 / 1,300,000 is 112. */
    static long lossRatio(BigDecimal paid, BigDecimal premium) {
        return paid.multiply(BigDecimal.valueOf(100)).divide(premium, 0, RoundingMode.HALF_UP).longValueExact();
    }

    private InsuranceClaim claim(int year, long id) {
        return jdbc.sql(CLAIM + " WHERE c.id = :id AND p.policy_year = :year").param("id", id).param("year", year)
                .query(LivelihoodInsurance::map).optional()
                .orElseThrow(() -> Problems.notFound("livelihood-claim", id));
    }

    private InsuranceClaim change(InsuranceClaim before, UnaryOperator<InsuranceClaim> step) {
        return Reviewed.change(jdbc, "livelihood_claim", "amount", before, step,
                after -> Collections.singletonMap("paid_on", after.paidOn()), id -> claim(before.year(), id));
    }

    private static ClaimView view(InsuranceClaim c) {
        Review review = c.review();
        return new ClaimView(c.id(), c.year(), c.claimant(), c.incident(), c.incidentOn(),
                Money.format(c.amountClaimed()), review.status(),
                review.amount() == null ? null : Money.format(review.amount()), review.reason(), c.filedOn(),
                c.paidOn(), c.example());
    }

    private static InsuranceClaim map(ResultSet rs, int n) throws SQLException {
        Review review = new Review(Review.Status.valueOf(rs.getString("status")), rs.getBigDecimal("amount"),
                rs.getString("decision_reason"), rs.getString("decided_by"), null);
        return new InsuranceClaim(rs.getLong("id"), rs.getInt("policy_year"), rs.getString("claimant"),
                rs.getString("incident"), rs.getObject("incident_on", LocalDate.class), rs.getBigDecimal("amount_claimed"),
                rs.getObject("filed_on", LocalDate.class), review, rs.getObject("paid_on", LocalDate.class),
                rs.getBoolean("example"));
    }
}
