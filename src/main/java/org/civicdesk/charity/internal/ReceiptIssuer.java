package org.civicdesk.charity.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.civicdesk.audit.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Gives receipt numbers (捐赠票据号) to committed donations, unique and without gaps within a year,
 * so that every receipt can be accounted for one by one. A receipt is a row of
 * {@code charity_receipt}, inserted once, so the ledger's row is never written again. Every node runs
 * it several times a second; a run takes the one row of {@code charity_receipt_watermark} with
 * {@code SKIP LOCKED}, so one node numbers at a time and the others pass on at once. No donation ever
 * locks anything the issuer holds: the intake never waits on it.
 * <p>
 * The donations to number are found in the ledger itself, above the watermark, by the absence of
 * their receipt. Ids are taken before commit, so a donation can commit after one with a higher id:
 * the watermark therefore passes an id only once it is numbered and its receipt is older than twice
 * the longest an intake transaction may stay open ({@link IntakeSettings#settledAfter()}), by when
 * every lower id has committed or never will. A late donation is thus still above the watermark when
 * it commits, and gets the next number then: numbers follow the order in which the issuer finds
 * donations committed. Times are the database's, the same for every node. Numbering a batch,
 * advancing the counters and the watermark and auditing the batch commit together, so a node killed
 * while numbering leaves the batch for the next run, with no number used twice or skipped.
 * The batch's audit entry is also where each donation enters the audit trail, with what it was, who
 * reported it and when: one entry for a batch instead of one for every donation keeps a Giving-Day
 * burst from doubling the chain's work.
 */
@Component
class ReceiptIssuer {

    private static final int BATCH = 1000;

    /** How often a run of this node looks back for donations that committed late. */
    static final Duration LOOK_BACK_EVERY = Duration.ofMillis(500);

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final AuditTrail audit;
    private final Duration settledAfter;
    private final TransactionTemplate tx;
    /**
     * When this node last looked back: a node's own pace, which no other node needs (any node's look-back
     * finds every late donation), so it is kept here, not in the database. The scheduler runs one issuer
     * of a node at a time.
     */
    private volatile long lookedBack = System.nanoTime() - LOOK_BACK_EVERY.toNanos();

    ReceiptIssuer(JdbcClient jdbc, JdbcTemplate batches, AuditTrail audit, IntakeSettings intake,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.audit = audit;
        this.settledAfter = intake.settledAfter();
        this.tx = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "PT0.2S", initialDelayString = "PT1S")
    void scheduled() {
        issuePending();
    }

    /**
     * The intake's timeout ends a transaction left open, but not a commit the database itself stalls
     * on (a disk or a replica that stops answering): a donation committed that late would already be
     * below the watermark and never numbered. Once an hour one node looks below the watermark for
     * donations without a receipt, so that every acknowledged donation gets its number.
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    @SchedulerLock(name = "charity.receiptsBelowWatermark", lockAtMostFor = "30m")
    void scheduledSweep() {
        sweepBelowWatermark();
    }

    /**
     * Numbers the donations below the watermark that have no receipt, unless another issuer is
     * numbering now; how many it numbered.
     */
    int sweepBelowWatermark() {
        Integer numbered = tx.execute(status -> {
            Mark mark = takeWatermark();
            if (mark == null) {
                return 0;
            }
            List<Map<String, Object>> missed = waiting("d.id <= :below", mark.below(), Integer.MAX_VALUE);
            numberByYear(missed, mark.now());
            return missed.size();
        });
        return numbered == null ? 0 : numbered;
    }

    private record Mark(long below, OffsetDateTime now) {
    }

    /** The watermark, held until the transaction ends, or null while another issuer holds it. */
    private Mark takeWatermark() {
        return jdbc.sql("SELECT below_id, CURRENT_TIMESTAMP AS db_now FROM charity_receipt_watermark WHERE id = 1 FOR UPDATE SKIP LOCKED")
                .query((rs, n) -> new Mark(rs.getLong("below_id"), rs.getObject("db_now", OffsetDateTime.class)))
                .optional().orElse(null);
    }

    /** Donations without a receipt on the given side of the watermark, in the order of their ids. */
    private List<Map<String, Object>> waiting(String side, long below, int limit) {
        return jdbc.sql("""
                SELECT d.id, c.code, d.amount, d.handled_by, d.received_on, d.created_at, d.example
                FROM charity_donation d JOIN charity_campaign c ON c.id = d.campaign_id
                WHERE %s AND NOT EXISTS (SELECT 1 FROM charity_receipt r WHERE r.donation_id = d.id)
                ORDER BY d.id LIMIT :batch""".formatted(side))
                .param("below", below).param("batch", limit).query((rs, n) -> {
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
    }

    private void numberByYear(List<Map<String, Object>> waiting, OffsetDateTime now) {
        Map<Integer, List<Map<String, Object>>> byYear = new TreeMap<>();
        for (Map<String, Object> donation : waiting) {
            byYear.computeIfAbsent(LocalDate.parse((String) donation.get("receivedOn")).getYear(), y -> new ArrayList<>())
                    .add(donation);
        }
        byYear.forEach((year, donations) -> number(year, donations, now));
    }

    /** Numbers every committed donation without its receipt, unless another issuer is numbering now. */
    void issuePending() {
        while (anythingAbove() && Boolean.TRUE.equals(tx.execute(status -> issueBatch()))) {
            // Another batch is waiting.
        }
    }

    /** Whether the ledger goes beyond the watermark: if not, there is nothing to number or to pass. */
    private boolean anythingAbove() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM charity_receipt_watermark w
                WHERE EXISTS (SELECT 1 FROM charity_donation d WHERE d.id > w.below_id)""").query(Long.class).single() > 0;
    }

    /**
     * Numbers a batch of the donations waiting above the watermark and, when it looks back, moves the
     * watermark up as far as is settled; whether there may be more to number now.
     * <p>
     * Most runs read only the ledger above the highest donation numbered, which is what has committed
     * since the last run: a few rows. Looking back below it, from the watermark, finds the donations
     * that committed after a higher id was numbered, but reads every row of the last
     * {@link IntakeSettings#settledAfter()} (some thousands a second on a Giving Day); a run does that
     * at most every {@link #LOOK_BACK_EVERY}, so a late donation still has its number within about a
     * second, at a fraction of the database's work.
     */
    private boolean issueBatch() {
        Mark mark = takeWatermark();
        if (mark == null) {
            return false;
        }
        boolean lookBack = System.nanoTime() - lookedBack >= LOOK_BACK_EVERY.toNanos();
        // Read after taking the watermark: what an issuer before us numbered has committed by now.
        long from = lookBack ? mark.below() : jdbc.sql("""
                SELECT COALESCE(MAX(donation_id), :below) FROM charity_receipt WHERE donation_id > :below""")
                .param("below", mark.below()).query(Long.class).single();
        List<Map<String, Object>> waiting = waiting("d.id > :below", from, BATCH);
        numberByYear(waiting, mark.now());
        boolean full = waiting.size() == BATCH;
        if (!lookBack) {
            return full;
        }
        lookedBack = System.nanoTime();
        long settled = jdbc.sql("""
                SELECT COALESCE(MAX(donation_id), :below) FROM charity_receipt
                WHERE donation_id > :below AND issued_at < :cutoff""")
                .param("below", mark.below()).param("cutoff", mark.now().minus(settledAfter)).query(Long.class).single();
        // A full batch may have left donations waiting just above its last one.
        long below = full ? Math.min(settled, (Long) waiting.get(waiting.size() - 1).get("donation")) : settled;
        if (below > mark.below()) {
            jdbc.sql("UPDATE charity_receipt_watermark SET below_id = :below WHERE id = 1").param("below", below).update();
        }
        return full;
    }

    /** Gives a year's waiting donations, in the order of their ids, the year's next numbers. */
    private void number(int year, List<Map<String, Object>> donations, OffsetDateTime now) {
        Long counted = jdbc.sql("SELECT last_no FROM charity_receipt_counter WHERE receipt_year = :y")
                .param("y", year).query(Long.class).optional().orElse(null);
        if (counted == null) {
            jdbc.sql("INSERT INTO charity_receipt_counter (receipt_year, last_no) VALUES (:y, 0)").param("y", year).update();
        }
        long last = counted == null ? 0 : counted;
        List<Object[]> receipts = new ArrayList<>(donations.size());
        long no = last;
        for (Map<String, Object> donation : donations) {
            no++;
            String receiptNo = receiptNo(year, no);
            donation.put("receiptNo", receiptNo);
            receipts.add(new Object[] { donation.get("donation"), receiptNo, now });
        }
        batches.batchUpdate("INSERT INTO charity_receipt (donation_id, receipt_no, issued_at) VALUES (?, ?, ?)", receipts);
        jdbc.sql("UPDATE charity_receipt_counter SET last_no = :n WHERE receipt_year = :y").param("n", no)
                .param("y", year).update();
        audit.record("receipts.issued", "receipts", receiptNo(year, last + 1) + ".." + receiptNo(year, no), null,
                donations);
    }

    static String receiptNo(int year, long no) {
        return "%d-%06d".formatted(year, no);
    }
}
