package org.civicdesk.matters.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.civicdesk.matters.MatterStatus;
import org.civicdesk.matters.internal.Model.CaseStatus;
import org.civicdesk.shared.Changes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the counts that the public statistics and the inbox totals read, exact in the same
 * transaction as every change, so that reading them costs a few rows however many matters there are:
 * <ul>
 * <li>{@code matter_tally}: per series and matter status, the matters and their cases that were not
 * returned;</li>
 * <li>{@code matter_due_tally}: per series and date, the open matters whose earliest pending case is
 * due on that date (those before today are the overdue ones);</li>
 * <li>{@code case_due_tally}: per department and date, its pending cases due on that date.</li>
 * </ul>
 * Every change of a matter or its cases happens in a transaction that first locks the matter's row
 * ({@link MatterRepository#lock}) or inserts it ({@link MatterRepository#insert}); both tell this class,
 * which notes what the matter counted for then and, just before the commit, adds the difference to what
 * it counts for now; and it marks the topic {@value #MATTERS} changed ({@link Changes}), which tells
 * {@link MatterReadCache} on every node that what it keeps is out of date. Whoever writes matters or cases with plain SQL, past the repository, must recount
 * (see the V5 migration and bench/matters-data.sql for the statements).
 */
@Component
class MatterTallies {

    static final String NO_SERIES = "";

    /** The {@link Changes} topic of every change of a matter or its cases. */
    static final String MATTERS = "matters";

    private final JdbcClient jdbc;
    private final Changes changes;

    MatterTallies(JdbcClient jdbc, Changes changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    /** What one matter counts for: its tally row, its earliest pending due date, its pending cases. */
    record Share(String series, String status, long cases, LocalDate nextDue, Map<PendingKey, Long> pending) {

        static final Share NONE = new Share(null, null, 0, null, Map.of());
    }

    record PendingKey(String orgCode, LocalDate dueDate) {

        static final Comparator<PendingKey> ORDER = Comparator.comparing(PendingKey::orgCode)
                .thenComparing(PendingKey::dueDate);
    }

    private record MatterKey(String series, String status) {

        static final Comparator<MatterKey> ORDER = Comparator.comparing(MatterKey::series)
                .thenComparing(MatterKey::status);
    }

    private record DueKey(String series, LocalDate dueDate) {

        static final Comparator<DueKey> ORDER = Comparator.comparing(DueKey::series).thenComparing(DueKey::dueDate);
    }

    /** Called with the matter's row locked (or just inserted), before anything of it changes. */
    void before(long matterId, boolean inserted) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Matters change only inside a transaction");
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
            changes.changed(MATTERS);
        }
        if (!pending.before.containsKey(matterId)) {
            pending.before.put(matterId, inserted ? Share.NONE : share(matterId));
        }
    }

    Share share(long matterId) {
        var matter = jdbc.sql("SELECT series_slug, status FROM matter WHERE id = :id").param("id", matterId)
                .query((rs, n) -> new String[] { rs.getString("series_slug"), rs.getString("status") }).optional();
        if (matter.isEmpty()) {
            return Share.NONE;
        }
        MatterStatus status = MatterStatus.valueOf(matter.get()[1]);
        long cases = 0;
        LocalDate nextDue = null;
        Map<PendingKey, Long> pending = new HashMap<>();
        for (var c : jdbc.sql("SELECT org_code, status, due_date FROM handling_case WHERE matter_id = :id")
                .param("id", matterId)
                .query((rs, n) -> new Object[] { rs.getString("org_code"), CaseStatus.valueOf(rs.getString("status")),
                        rs.getDate("due_date").toLocalDate() })
                .list()) {
            CaseStatus caseStatus = (CaseStatus) c[1];
            LocalDate due = (LocalDate) c[2];
            if (caseStatus != CaseStatus.RETURNED) {
                cases++;
            }
            if (caseStatus.pending()) {
                pending.merge(new PendingKey((String) c[0], due), 1L, Long::sum);
                if (status.isOpen() && (nextDue == null || due.isBefore(nextDue))) {
                    nextDue = due;
                }
            }
        }
        String series = matter.get()[0] == null ? NO_SERIES : matter.get()[0];
        return new Share(series, status.name(), cases, nextDue, pending);
    }

    /** Adds, for each matter this transaction touched, what it counts for now less what it counted for. */
    private void apply(Map<Long, Share> before) {
        // Sorted keys, so that two transactions always lock the tally rows they share in one order.
        Map<MatterKey, long[]> matters = new TreeMap<>(MatterKey.ORDER);
        Map<DueKey, Long> dues = new TreeMap<>(DueKey.ORDER);
        Map<PendingKey, Long> cases = new TreeMap<>(PendingKey.ORDER);
        for (var entry : before.entrySet()) {
            Share was = entry.getValue();
            Share now = share(entry.getKey());
            add(matters, was, -1);
            add(matters, now, 1);
            if (was.nextDue() != null) {
                dues.merge(new DueKey(was.series(), was.nextDue()), -1L, Long::sum);
            }
            if (now.nextDue() != null) {
                dues.merge(new DueKey(now.series(), now.nextDue()), 1L, Long::sum);
            }
            was.pending().forEach((k, n) -> cases.merge(k, -n, Long::sum));
            now.pending().forEach((k, n) -> cases.merge(k, n, Long::sum));
        }
        matters.forEach((key, d) -> {
            if (d[0] != 0 || d[1] != 0) {
                add("matter_tally", "series_slug = :a AND status = :b", "matters = matters + :d, cases = cases + :e",
                        "(series_slug, status, matters, cases) VALUES (:a, :b, 0, 0)", null,
                        Map.of("a", key.series(), "b", key.status(), "d", d[0], "e", d[1]));
            }
        });
        dues.forEach((key, d) -> {
            if (d != 0) {
                add("matter_due_tally", "series_slug = :a AND due_date = :b", "matters = matters + :d",
                        "(series_slug, due_date, matters) VALUES (:a, :b, 0)", d < 0 ? "matters = 0" : null,
                        Map.of("a", key.series(), "b", Date.valueOf(key.dueDate()), "d", d));
            }
        });
        cases.forEach((key, d) -> {
            if (d != 0) {
                add("case_due_tally", "org_code = :a AND due_date = :b", "cases = cases + :d",
                        "(org_code, due_date, cases) VALUES (:a, :b, 0)", d < 0 ? "cases = 0" : null,
                        Map.of("a", key.orgCode(), "b", Date.valueOf(key.dueDate()), "d", d));
            }
        });
    }

    private static void add(Map<MatterKey, long[]> matters, Share share, int sign) {
        if (share.status() != null) {
            long[] d = matters.computeIfAbsent(new MatterKey(share.series(), share.status()), k -> new long[2]);
            d[0] += sign;
            d[1] += sign * share.cases();
        }
    }

    /**
     * Adds to a tally row, creating it first when it is missing, and removes it when {@code empty} holds
     * afterwards, so that the rows of dates long past do not pile up. Of two transactions that both
     * create the row, the second waits for the first and then adds to the row the first one made; one
     * that waited for a transaction that removed the row creates it anew.
     */
    private void add(String table, String key, String set, String insert, String empty, Map<String, Object> params) {
        String update = "UPDATE " + table + " SET " + set + " WHERE " + key;
        if (jdbc.sql(update).params(params).update() == 0) {
            jdbc.sql("INSERT INTO " + table + " " + insert + " ON CONFLICT DO NOTHING").params(params).update();
            if (jdbc.sql(update).params(params).update() != 1) {
                throw new IllegalStateException("Could not count in " + table + ": " + params);
            }
        }
        if (empty != null) {
            jdbc.sql("DELETE FROM " + table + " WHERE " + key + " AND " + empty).params(params).update();
        }
    }

    /** The matters one transaction touched, with what each counted for before. */
    private final class Pending implements TransactionSynchronization {

        final Map<Long, Share> before = new LinkedHashMap<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            apply(before);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(MatterTallies.this);
        }
    }
}
