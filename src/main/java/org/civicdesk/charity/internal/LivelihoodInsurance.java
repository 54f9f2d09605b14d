package org.civicdesk.charity.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.civicdesk.audit.AuditTrail;
import org.civicdesk.charity.CharityEvent;
import org.civicdesk.charity.ClaimCommand;
import org.civicdesk.charity.PolicyCommand;
import org.civicdesk.charity.internal.Views.InsuranceView;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-yuan livelihood insurance (一元民生保险): each year the federation insures the city's
 * residents under one policy and records what its claims paid. The premium is what the policy
 * cost, not one yuan times the people covered (in 2022: 1.6 million people, 1.3 million yuan).
 */
@Service
@Transactional(readOnly = true)
class LivelihoodInsurance {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LivelihoodInsurance(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    InsuranceView createPolicy(PolicyCommand cmd) {
        Checks checks = new Checks();
        checks.required("year", cmd.year())
                .check(cmd.year() == null || (cmd.year() >= 2000 && cmd.year() <= 2100), "year", "charity.validation.year");
        checks.required("insuredPeople", cmd.insuredPeople())
                .check(cmd.insuredPeople() == null || cmd.insuredPeople() > 0, "insuredPeople", "charity.validation.positive");
        BigDecimal premium = Money.parse(checks, "premium", cmd.premium(), true);
        checks.maxLength("insurer", cmd.insurer(), 200);
        checks.throwIfAny();
        if (find(cmd.year()).isPresent()) {
            throw Problems.duplicate("year", cmd.year());
        }
        jdbc.sql("""
                INSERT INTO livelihood_policy (policy_year, insured_people, premium, insurer, created_at)
                VALUES (:year, :people, :premium, :insurer, :now)""")
                .param("year", cmd.year()).param("people", cmd.insuredPeople()).param("premium", premium)
                .param("insurer", Campaigns.blankToNull(cmd.insurer())).param("now", OffsetDateTime.now(clock)).update();
        InsuranceView created = view(cmd.year());
        audit.record("insurance.policy.created", "livelihood-policy", cmd.year().toString(), null, created);
        events.publishEvent(new CharityEvent.InsurancePolicyCreated(cmd.year()));
        return created;
    }

    /** @return the id of the claim recorded */
    @Transactional
    long recordClaim(int year, ClaimCommand cmd) {
        InsuranceView before = view(year);
        Checks checks = new Checks();
        BigDecimal amount = Money.parse(checks, "amount", cmd.amount(), true);
        checks.required("paidOn", cmd.paidOn());
        LocalDate paidOn = Campaigns.date(checks, "paidOn", cmd.paidOn());
        checks.throwIfAny();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO livelihood_claim (policy_id, amount, paid_on, example, created_at)
                SELECT id, :amount, :paidOn, :example, :now FROM livelihood_policy WHERE policy_year = :year""")
                .param("amount", amount).param("paidOn", paidOn).param("example", Boolean.TRUE.equals(cmd.example()))
                .param("now", OffsetDateTime.now(clock)).param("year", year).update(keys, "id");
        InsuranceView after = view(year);
        audit.record("insurance.claim.paid", "livelihood-policy", Integer.toString(year), before, after);
        events.publishEvent(new CharityEvent.InsuranceClaimPaid(year, amount));
        return keys.getKey().longValue();
    }

    Optional<InsuranceView> find(int year) {
        return jdbc.sql("""
                SELECT p.policy_year, p.insured_people, p.premium, p.insurer,
                       (SELECT COUNT(*) FROM livelihood_claim c WHERE c.policy_id = p.id) AS claims,
                       (SELECT COALESCE(SUM(c.amount), 0) FROM livelihood_claim c WHERE c.policy_id = p.id) AS paid
                FROM livelihood_policy p WHERE p.policy_year = :year""").param("year", year)
                .query((rs, n) -> new InsuranceView(rs.getInt("policy_year"), rs.getLong("insured_people"),
                        Money.format(rs.getBigDecimal("premium")), rs.getString("insurer"), rs.getLong("claims"),
                        Money.format(rs.getBigDecimal("paid"))))
                .optional();
    }

    InsuranceView view(int year) {
        return find(year).orElseThrow(() -> Problems.notFound("livelihood-policy", year));
    }
}
