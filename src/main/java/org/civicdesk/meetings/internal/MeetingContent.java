package org.civicdesk.meetings.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.civicdesk.meetings.MeetingEvent;
import org.civicdesk.shared.CitySettings;
import org.civicdesk.shared.PublicContent;
import org.civicdesk.shared.PublicDocument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Published and closed meetings, with what their public page shows; keyed by the meeting's id. */
@Component
@Transactional(readOnly = true)
class MeetingContent implements PublicContent {

    private static final String PUBLIC = """
            SELECT m.id, m.title, m.starts_at, s.name AS series_name, m.venue, m.host, m.theme, m.minutes, m.report
            FROM meeting m JOIN meeting_series s ON s.id = m.series_id WHERE m.status <> 'DRAFT'""";

    private final JdbcClient jdbc;
    private final CitySettings city;

    MeetingContent(JdbcClient jdbc, CitySettings city) {
        this.jdbc = jdbc;
        this.city = city;
    }

    @Override
    public String kind() {
        return MeetingEvent.CONTENT_KIND;
    }

    @Override
    public Optional<PublicDocument> document(String key) {
        return jdbc.sql(PUBLIC + " AND m.id = :id").param("id", Long.parseLong(key)).query((rs, n) -> document(rs))
                .optional();
    }

    @Override
    public List<PublicDocument> documents() {
        return jdbc.sql(PUBLIC).query((rs, n) -> document(rs)).list();
    }

    private PublicDocument document(ResultSet rs) throws SQLException {
        return new PublicDocument(MeetingEvent.CONTENT_KIND, rs.getString("id"), rs.getString("title"),
                Stream.of(rs.getString("series_name"), rs.getString("theme"), rs.getString("venue"),
                        rs.getString("host"), rs.getString("minutes"), rs.getString("report"))
                        .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining("\n")),
                "/public/meetings/" + rs.getLong("id"),
                rs.getObject("starts_at", OffsetDateTime.class).atZoneSameInstant(city.timeZone()).toLocalDate());
    }
}
