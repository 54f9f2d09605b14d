package org.civicdesk.matters.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.civicdesk.shared.PublicContent;
import org.civicdesk.shared.PublicDocument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published answers as public content: the same answers, with contact details removed, that the
 * public answers page lists; keyed by the case's id.
 */
@Component
@Transactional(readOnly = true)
class AnswerSearchable implements PublicContent {

    private static final String KIND = "ANSWER";
    private static final String PUBLISHED = "SELECT c.id, m.title, m.content, c.answer"
            + " FROM handling_case c JOIN matter m ON m.id = c.matter_id"
            + " WHERE m.confidential = FALSE AND c.answer IS NOT NULL AND c.role IN ('LEAD','SEPARATE')";

    private final JdbcClient jdbc;

    AnswerSearchable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<PublicDocument> document(String key) {
        return jdbc.sql(PUBLISHED + " AND c.id = :id").param("id", Long.parseLong(key))
                .query(AnswerSearchable::document).optional();
    }

    @Override
    public List<PublicDocument> documents() {
        return jdbc.sql(PUBLISHED).query(AnswerSearchable::document).list();
    }

    private static PublicDocument document(ResultSet rs, int row) throws SQLException {
        return new PublicDocument(KIND, rs.getString("id"), rs.getString("title"),
                MatterQueries.redact(rs.getString("content")) + "\n" + MatterQueries.redact(rs.getString("answer")),
                "/public/answers?q=" + URLEncoder.encode(rs.getString("title"), StandardCharsets.UTF_8));
    }
}
