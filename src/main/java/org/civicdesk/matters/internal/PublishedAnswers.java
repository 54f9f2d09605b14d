package org.civicdesk.matters.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.civicdesk.matters.MatterEvent;
import org.civicdesk.matters.MatterId;
import org.civicdesk.matters.PublicMatters;
import org.civicdesk.shared.CitySettings;
import org.civicdesk.shared.PublicContent;
import org.civicdesk.shared.PublicDocument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers as the public may read them, one per answering case: the same answers, with contact details
 * removed, that the public answers page lists. {@link MatterEvent.CaseAnswered} announces each change.
 */
@Component
class PublishedAnswers implements PublicContent, PublicMatters {

    private final JdbcClient jdbc;
    private final CitySettings city;

    PublishedAnswers(JdbcClient jdbc, CitySettings city) {
        this.jdbc = jdbc;
        this.city = city;
    }

    @Override
    public String kind() {
        return MatterEvent.CaseAnswered.PUBLIC_KIND;
    }

    @Override
    public Optional<PublicDocument> document(String key) {
        long caseId;
        try {
            caseId = Long.parseLong(key);
        } catch (NumberFormatException notACase) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT c.id, m.id AS matter_id, c.answered_at, " + MatterQueries.PUBLIC_TEXT
                + MatterQueries.PUBLISHED + " AND c.id = :id").param("id", caseId).query((rs, n) -> document(rs)).optional();
    }

    @Override
    public List<PublicDocument> documents() {
        return jdbc.sql("SELECT c.id, m.id AS matter_id, c.answered_at, " + MatterQueries.PUBLIC_TEXT
                + MatterQueries.PUBLISHED)
                .query((rs, n) -> document(rs)).list();
    }

    @Override
    public Optional<String> publishedTitle(MatterId matter) {
        return jdbc.sql("SELECT m.public_title" + MatterQueries.PUBLISHED + " AND m.id = :id ORDER BY c.id LIMIT 1")
                .param("id", matter.value()).query(String.class).optional();
    }

    private PublicDocument document(ResultSet rs) throws SQLException {
        OffsetDateTime answeredOn = rs.getObject("answered_at", OffsetDateTime.class);
        return new PublicDocument(kind(), rs.getString("id"), rs.getString("title"),
                rs.getString("content") + "\n" + rs.getString("answer"),
                "/public/answers/" + rs.getLong("matter_id"), answeredOn == null ? null
                        : answeredOn.atZoneSameInstant(city.timeZone()).toLocalDate());
    }
}
