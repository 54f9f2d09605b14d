package org.civicdesk.meetings.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.civicdesk.notices.SearchDocument;
import org.civicdesk.notices.Searchable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published and closed meetings for the public search, with what their public page shows. Meetings
 * do not bump the search revision, so the stamp is the count and the latest change of the meeting
 * rows, which every change of a meeting moves.
 */
@Component
@Transactional(readOnly = true)
class MeetingSearchable implements Searchable {

    private static final String KIND = "MEETING";

    private final JdbcClient jdbc;

    MeetingSearchable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String stamp() {
        return jdbc.sql("SELECT COUNT(*) AS n, MAX(updated_at) AS latest FROM meeting")
                .query((rs, i) -> rs.getLong("n") + "@" + rs.getObject("latest", OffsetDateTime.class)).single();
    }

    @Override
    public List<SearchDocument> documents() {
        return jdbc.sql("""
                SELECT m.id, m.title, s.name AS series_name, m.venue, m.host, m.theme, m.minutes, m.report
                FROM meeting m JOIN meeting_series s ON s.id = m.series_id WHERE m.status <> 'DRAFT'""")
                .query((rs, i) -> new SearchDocument(KIND, rs.getString("id"), rs.getString("title"),
                        Stream.of(rs.getString("series_name"), rs.getString("theme"), rs.getString("venue"),
                                rs.getString("host"), rs.getString("minutes"), rs.getString("report"))
                                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining("\n")),
                        "/public/meetings/" + rs.getLong("id")))
                .list();
    }
}
