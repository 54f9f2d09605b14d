package org.civicdesk.charity.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.civicdesk.audit.AuditTrail;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives receipt numbers (捐赠票据号) to committed donations, unique and without gaps within a year,
 * so that every receipt can be accounted for one by one. A donation's report queues it in
 * {@code charity_receipt_pending}; its receipt is a row of {@code charity_receipt}, inserted once, so
 * the ledger's row is never written again. Every node runs it several times a second;
 * a run takes the year's counter row with {@code SKIP LOCKED}, so one node numbers at a time and the
 * others pass on at once. Only the issuer ever locks the counter, never a donation: the intake never
 * waits on it. Numbers follow the order in which the issuer finds donations committed (their ids),
 * and numbering a batch, advancing the counter and auditing the batch commit together, so a node
 * killed while numbering leaves the batch for the next run, with no number used twice or skipped.
 * The batch's audit entry is also where each donation enters the audit trail, with what it was, who
 * reported it and when: one entry for a batch instead of one for every donation keeps a Giving-Day
 * burst from doubling the chain's work.
 */
@Component
class ReceiptIssuer {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    ReceiptIssuer(JdbcClient jdbc, JdbcTemplate batches, AuditTrail audit, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "PT0.2S", initialDelayString = "PT1S")
    void scheduled() {
        issuePending();
    }

    /** Numbers every donation waiting for its receipt that no other node is numbering now. */
    void issuePending() {
        Integer year;
        while ((year = oldestWaitingYear()) != null) {
            ensureCounter(year);
            int y = year;
            Boolean more = tx.execute(status -> issueBatch(y));
            if (!Boolean.TRUE.equals(more)) {
                return;
            }
        }
    }

    private Integer oldestWaitingYear() {
        return jdbc.sql("""
                SELECT d.received_on FROM charity_receipt_pending p JOIN charity_donation d ON d.id = p.donation_id
                ORDER BY p.donation_id LIMIT 1""")
                .query(LocalDate.class).optional().map(LocalDate::getYear).orElse(null);
    }

    /** Numbers a batch of the year's waiting donations; whether there may be more to number now. */
    private boolean issueBatch(int year) {
        Long last = jdbc.sql("SELECT last_no FROM charity_receipt_counter WHERE receipt_year = :y FOR UPDATE SKIP LOCKED")
                .param("y", year).query(Long.class).optional().orElse(null);
        if (last == null) {
            return false;
        }
        // Read after taking the counter: what an issuer before us numbered has committed by now.
        List<Map<String, Object>> waiting = jdbc.sql("""
                SELECT d.id, c.code, d.amount, d.handled_by, d.received_on, d.created_at, d.example
                FROM charity_receipt_pending p JOIN charity_donation d ON d.id = p.donation_id
                    JOIN charity_campaign c ON c.id = d.campaign_id
                WHERE d.received_on >= :from AND d.received_on < :to ORDER BY p.donation_id LIMIT :batch""")
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1))
                .param("batch", BATCH).query((rs, n) -> {
                    Map<String, Object> donation = new LinkedHashMap<>();
                    donation.put("donation", rs.getLong("id"));
                    donation.put("campaign", rs.getString("code"));
                    donation.put("amount", Money.format(rs.getBigDecimal("amount")));
                    donation.put("handledBy", rs.getString("handled_by"));
                    donation.put("receivedOn", rs.getObject("received_on", LocalDate.class).toString());
                    donation.put("recordedAt", rs.getObject("created_at", OffsetDateTime.class).toInstant().toString());
                    donation.put("example", rs.getBoolean("example"));
                    return donation;
                }).list();
        if (waiting.isEmpty()) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Object[]> receipts = new ArrayList<>(waiting.size());
        List<Object[]> numbered = new ArrayList<>(waiting.size());
        long no = last;
        for (Map<String, Object> donation : waiting) {
            no++;
            String receiptNo = receiptNo(year, no);
            donation.put("receiptNo", receiptNo);
            receipts.add(new Object[] { donation.get("donation"), receiptNo, now });
            numbered.add(new Object[] { donation.get("donation") });
        }
        batches.batchUpdate("INSERT INTO charity_receipt (donation_id, receipt_no, issued_at) VALUES (?, ?, ?)", receipts);
        batches.batchUpdate("DELETE FROM charity_receipt_pending WHERE donation_id = ?", numbered);
        jdbc.sql("UPDATE charity_receipt_counter SET last_no = :n WHERE receipt_year = :y").param("n", no)
                .param("y", year).update();
        audit.record("receipts.issued", "receipts", receiptNo(year, last + 1) + ".." + receiptNo(year, no), null,
                waiting);
        return true;
    }

    static String receiptNo(int year, long no) {
        return "%d-%06d".formatted(year, no);
    }

    /** The counter row of a year exists before an issuer takes it. */
    private void ensureCounter(int year) {
        Long rows = jdbc.sql("SELECT COUNT(*) FROM charity_receipt_counter WHERE receipt_year = :y").param("y", year)
                .query(Long.class).single();
        if (rows > 0) {
            return;
        }
        try {
            tx.executeWithoutResult(status -> jdbc.sql(
                    "INSERT INTO charity_receipt_counter (receipt_year, last_no) VALUES (:y, 0)").param("y", year).update());
        } catch (DuplicateKeyException createdByAnother) {
            // Another node's issuer created it a moment earlier; that is all we needed.
        }
    }
}
