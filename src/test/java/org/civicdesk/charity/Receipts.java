package org.civicdesk.charity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.civicdesk.support.Eventually;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Receipts are numbered moments after a donation commits; tests that read them wait for that. */
public final class Receipts {

    private Receipts() {
    }

    public static void awaitIssued(JdbcClient jdbc) {
        Eventually.await("every donation numbered", () -> jdbc.sql(
                "SELECT COUNT(*) FROM charity_donation d WHERE NOT EXISTS (SELECT 1 FROM charity_receipt r WHERE r.donation_id = d.id)").query(Long.class).single() == 0);
    }

    /** Within each year, the receipt numbers issued are exactly 1..n, each once, once every donation has its number. */
    public static void assertGapFree(JdbcClient jdbc) {
        awaitIssued(jdbc);
        List<String> numbers = jdbc.sql("""
                SELECT r.receipt_no FROM charity_receipt r JOIN charity_donation d ON d.id = r.donation_id""")
                .query(String.class).list();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM charity_receipt r JOIN charity_donation d ON d.id = r.donation_id
                WHERE r.receipt_no NOT LIKE CAST(EXTRACT(YEAR FROM d.received_on) AS INT) || '-%'""")
                .query(Long.class).single()).as("receipts numbered in another year than the donation's").isZero();
        numbers.stream().map(n -> n.substring(0, 4)).distinct().forEach(year -> {
            List<Long> seq = numbers.stream().filter(n -> n.startsWith(year)).map(n -> Long.parseLong(n.substring(5)))
                    .sorted().toList();
            long last = jdbc.sql("SELECT last_no FROM charity_receipt_counter WHERE receipt_year = :y")
                    .param("y", Integer.parseInt(year)).query(Long.class).single();
            assertThat(seq).as("receipts of %s: 1..%d, each once", year, last).hasSize((int) last)
                    .doesNotHaveDuplicates();
            assertThat(seq.get(0)).isEqualTo(1L);
            assertThat(seq.get(seq.size() - 1)).isEqualTo(last);
        });
    }
}
