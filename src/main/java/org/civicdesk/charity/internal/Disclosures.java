package org.civicdesk.charity.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.civicdesk.charity.internal.Views.Disclosure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A year's figures as the federation discloses them (信息公开): what was raised, what aid paid, each
 * campaign, and the livelihood insurance. All of it is counted from the ledgers, so the page can
 * never disagree with them.
 */
@Service
@Transactional(readOnly = true)
class Disclosures {

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final LivelihoodInsurance insurance;

    Disclosures(JdbcClient jdbc, Campaigns campaigns, LivelihoodInsurance insurance) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.insurance = insurance;
    }

    Disclosure of(int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = from.plusYears(1);
        Totals raised = totals("charity_donation", "received_on", from, to);
        Totals paid = totals("aid_payment", "paid_on", from, to);
        return new Disclosure(year, Money.format(raised.total()), raised.entries(), Money.format(paid.total()),
                paid.entries(), campaigns.ofYear(year), insurance.find(year).orElse(null),
                raised.examples() + paid.examples() > 0);
    }

    /** The years that have anything to disclose, latest first. */
    List<Integer> years() {
        return jdbc.sql("""
                SELECT DISTINCT EXTRACT(YEAR FROM received_on) AS y FROM charity_donation
                UNION SELECT DISTINCT EXTRACT(YEAR FROM paid_on) FROM aid_payment
                UNION SELECT policy_year FROM livelihood_policy
                ORDER BY y DESC""").query((rs, n) -> rs.getInt(1)).list();
    }

    private record Totals(BigDecimal total, long entries, long examples) {
    }

    /** Sums a ledger over a period; both names are constants of this class, never input. */
    private Totals totals(String table, String dateColumn, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(amount), 0) AS total, COUNT(*) AS entries,
                       COALESCE(SUM(CASE WHEN example THEN 1 ELSE 0 END), 0) AS examples
                FROM %s WHERE %s >= :from AND %s < :to""".formatted(table, dateColumn, dateColumn))
                .param("from", from).param("to", to)
                .query((rs, n) -> new Totals(rs.getBigDecimal("total"), rs.getLong("entries"), rs.getLong("examples")))
                .single();
    }
}
