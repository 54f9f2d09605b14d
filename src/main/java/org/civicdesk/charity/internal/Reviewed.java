package org.civicdesk.charity.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

import org.civicdesk.shared.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A record that goes through a {@link Review}: an aid application or an insurance claim. */
interface Reviewed {

    long id();

    Review review();

    /**
     * Applies a step to a reviewed record and saves it if nobody changed it meanwhile; if somebody did,
     * the step is taken again on what they left, which refuses it as it must.
     *
     * @param table the record's table, which has {@code status}, {@code decision_reason} and {@code decided_by}
     * @param amountColumn the column of the amount approved
     * @param more the other columns a step changes, with their values after it
     * @param reload the record as it is now
     */
    static <T extends Reviewed> T change(JdbcClient jdbc, String table, String amountColumn, T before,
            UnaryOperator<T> step, Function<T, Map<String, Object>> more, LongFunction<T> reload) {
        T after = step.apply(before);
        Review review = after.review();
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("status", review.status().name());
        columns.put(amountColumn, review.amount());
        columns.put("decision_reason", review.reason());
        columns.put("decided_by", review.decidedBy());
        columns.putAll(more.apply(after));
        StringBuilder set = new StringBuilder();
        columns.keySet().forEach(column -> set.append(set.isEmpty() ? "" : ", ").append(column).append(" = :")
                .append(column));
        int saved = jdbc.sql("UPDATE " + table + " SET " + set + " WHERE id = :id AND status = :was").params(columns)
                .param("id", before.id()).param("was", before.review().status().name()).update();
        if (saved == 0) {
            step.apply(reload.apply(before.id()));
            throw Problems.conflict(Problems.INVALID_TRANSITION, "charity.problem.decided");
        }
        return after;
    }
}
