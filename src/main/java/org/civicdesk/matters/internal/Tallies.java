package org.civicdesk.matters.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

import org.civicdesk.matters.MatterStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the counts that the public statistics and the inbox totals read, exact in the transaction of
 * every change, so that reading them costs a few hundred rows however many matters there are:
 * <ul>
 * <li>{@code matter_tally}: per series and matter status, the matters and their cases not returned;</li>
 * <li>{@code matter_due_tally}: per series and date, the open matters whose earliest pending case is
 * due on that date (those before today are the overdue ones);</li>
 * <li>{@code case_due_tally}: per department and date, its pending cases due on that date.</li>
 * </ul>
 * The repository adds, when it saves a matter, what the matter counts for now less what it counted
 * for when loaded ({@link Matter#share()}). Each count is kept in stripes, chosen by the matter's id,
 * and read as their sum: otherwise every transition of every appeal in the city would lock the same
 * few rows (one series, one status, today's due date) until it commits. The counts per series and
 * status have few keys and are touched by nearly every change, so they get {@value #STATUS_STRIPES}
 * stripes; the counts per date spread over many dates and get {@value #STRIPES}. The number of
 * stripes can change at any time: a row is made when first needed and every read sums. Whoever
 * writes matters or cases with plain SQL, past the repository, must recount (see V14 and
 * bench/matters-data.sql).
 */
@Component
class Tallies {

    static final String NO_SERIES = "";
    static final int STRIPES = 8;
    /**
     * The mixed benchmark at 32 writers measured 3.3 ms of lock waits per update of these rows with 8
     * stripes; reading the statistics sums at most this many rows per series and status.
     */
    static final int STATUS_STRIPES = 32;

    private final JdbcClient jdbc;

    Tallies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What one matter counts for: its tally row, its earliest pending due date, its pending cases. */
    record Share(String series, MatterStatus status, long cases, LocalDate nextDue, Map<PendingKey, Long> pending) {

        static final Share NONE = new Share(null, null, 0, null, Map.of());
    }

    record PendingKey(String orgCode, LocalDate dueDate) {
    }

    private record MatterKey(String series, String status) {

        static final Comparator<MatterKey> ORDER = Comparator.comparing(MatterKey::series)
                .thenComparing(MatterKey::status);
    }

    private record DueKey(String series, LocalDate dueDate) {

        static final Comparator<DueKey> ORDER = Comparator.comparing(DueKey::series).thenComparing(DueKey::dueDate);
    }

    private static final Comparator<PendingKey> PENDING_ORDER = Comparator.comparing(PendingKey::orgCode)
            .thenComparing(PendingKey::dueDate);

    /** Adds what a matter counts for now less what it counted for, in the caller's transaction. */
    void apply(long matterId, Share was, Share now) {
        int stripe = (int) (matterId % STRIPES);
        int statusStripe = (int) (matterId % STATUS_STRIPES);
        // Sorted keys, so that two transactions always lock the rows they share in one order.
        Map<MatterKey, long[]> matters = new TreeMap<>(MatterKey.ORDER);
        Map<DueKey, Long> dues = new TreeMap<>(DueKey.ORDER);
        Map<PendingKey, Long> cases = new TreeMap<>(PENDING_ORDER);
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
        matters.forEach((key, d) -> {
            if (d[0] != 0 || d[1] != 0) {
                add("matter_tally", "series_slug = :a AND status = :b AND stripe = :s",
                        "matters = matters + :d, cases = cases + :e",
                        "(series_slug, status, stripe, matters, cases) VALUES (:a, :b, :s, 0, 0)", null,
                        Map.of("a", key.series(), "b", key.status(), "s", statusStripe, "d", d[0], "e", d[1]));
            }
        });
        dues.forEach((key, d) -> {
            if (d != 0) {
                add("matter_due_tally", "series_slug = :a AND due_date = :b AND stripe = :s", "matters = matters + :d",
                        "(series_slug, due_date, stripe, matters) VALUES (:a, :b, :s, 0)", d < 0 ? "matters = 0" : null,
                        Map.of("a", key.series(), "b", Date.valueOf(key.dueDate()), "s", stripe, "d", d));
            }
        });
        cases.forEach((key, d) -> {
            if (d != 0) {
                add("case_due_tally", "org_code = :a AND due_date = :b AND stripe = :s", "cases = cases + :d",
                        "(org_code, due_date, stripe, cases) VALUES (:a, :b, :s, 0)", d < 0 ? "cases = 0" : null,
                        Map.of("a", key.orgCode(), "b", Date.valueOf(key.dueDate()), "s", stripe, "d", d));
            }
        });
    }

    private static void add(Map<MatterKey, long[]> matters, Share share, int sign) {
        if (share.status() != null) {
            long[] d = matters.computeIfAbsent(new MatterKey(share.series(), share.status().name()),
                    k -> new long[2]);
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
}
