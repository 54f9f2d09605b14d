package org.civicdesk.matters.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.civicdesk.meetings.RaisedItems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the meetings module what came of the items raised at its meetings. */
@Component
@Transactional(readOnly = true)
class MatterCounts implements RaisedItems {

    private static final String COUNTS = """
            COUNT(*) AS items,
            COALESCE(SUM(CASE WHEN status = 'CLOSED' THEN 1 ELSE 0 END), 0) AS closed,
            COALESCE(SUM(CASE WHEN status NOT IN ('CLOSED','REJECTED') THEN 1 ELSE 0 END), 0) AS in_progress""";
    /** The same figures from the tallies a series keeps, which cost a few rows however large the series. */
    private static final String TALLIED = """
            COALESCE(SUM(matters), 0) AS items,
            COALESCE(SUM(CASE WHEN status = 'CLOSED' THEN matters ELSE 0 END), 0) AS closed,
            COALESCE(SUM(CASE WHEN status NOT IN ('CLOSED','REJECTED') THEN matters ELSE 0 END), 0) AS in_progress""";

    private final JdbcClient jdbc;

    MatterCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Counts forSeries(String slug) {
        return jdbc.sql("SELECT " + TALLIED + " FROM matter_tally WHERE series_slug = :s").param("s", slug)
                .query((rs, n) -> new Counts(rs.getLong("items"), rs.getLong("closed"), rs.getLong("in_progress")))
                .single();
    }

    @Override
    public Map<Long, Counts> forMeetings(Collection<Long> meetingIds) {
        Map<Long, Counts> counts = new LinkedHashMap<>();
        if (meetingIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("SELECT meeting_id, " + COUNTS + " FROM matter WHERE meeting_id IN (:ids) GROUP BY meeting_id")
                .param("ids", meetingIds)
                .query((rs, n) -> counts.put(rs.getLong("meeting_id"),
                        new Counts(rs.getLong("items"), rs.getLong("closed"), rs.getLong("in_progress"))))
                .list();
        return counts;
    }
}
