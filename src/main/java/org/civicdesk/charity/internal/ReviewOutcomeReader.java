package org.civicdesk.charity.internal;

import java.math.BigDecimal;
import java.util.Optional;

import org.civicdesk.charity.ReviewOutcomes;
import org.civicdesk.directory.Directory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class ReviewOutcomeReader implements ReviewOutcomes {

    private final JdbcClient jdbc;
    private final Directory directory;

    ReviewOutcomeReader(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    @Override
    public Optional<Outcome> aidApplication(long id) {
        return jdbc.sql("""
                SELECT a.id, a.applicant, p.name, a.status, a.amount_approved, a.decision_reason
                FROM aid_application a JOIN aid_programme p ON p.id = a.programme_id WHERE a.id = :id""")
                .param("id", id)
                .query((rs, n) -> new Outcome(rs.getLong("id"), rs.getString("applicant"), rs.getString("name"),
                        rs.getString("status"), rs.getObject("amount_approved", BigDecimal.class),
                        rs.getString("decision_reason")))
                .optional();
    }

    @Override
    public Optional<Outcome> insuranceClaim(long id) {
        return jdbc.sql("""
                SELECT c.id, c.claimant, p.policy_year, c.status, c.amount, c.decision_reason
                FROM livelihood_claim c JOIN livelihood_policy p ON p.id = c.policy_id WHERE c.id = :id""")
                .param("id", id)
                .query((rs, n) -> new Outcome(rs.getLong("id"), rs.getString("claimant"),
                        Integer.toString(rs.getInt("policy_year")), rs.getString("status"),
                        rs.getObject("amount", BigDecimal.class), rs.getString("decision_reason")))
                .optional()
                .map(o -> o.account() != null && directory.findAccount(o.account()).isPresent() ? o
                        : new Outcome(o.id(), null, o.subject(), o.status(), o.amount(), o.reason()));
    }
}
