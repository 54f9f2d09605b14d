package org.civicdesk.matters.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import org.civicdesk.notices.SearchDocument;
import org.civicdesk.notices.Searchable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published answers for the public search: the same answers, with contact details removed, that the
 * public answers page lists. Matters do not bump the search revision, so the stamp is the count and
 * the latest answer of the cases, which answering, re-answering or hiding a matter moves.
 */
@Component
@Transactional(readOnly = true)
class AnswerSearchable implements Searchable {

    private static final String KIND = "ANSWER";
    private static final String PUBLISHED = " FROM handling_case c JOIN matter m ON m.id = c.matter_id"
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
    public String stamp() {
        return jdbc.sql("SELECT COUNT(*) AS n, MAX(c.answered_at) AS latest, SUM(LENGTH(c.answer)) AS size" + PUBLISHED)
                .query((rs, i) -> rs.getLong("n") + "@" + rs.getObject("latest", OffsetDateTime.class) + "#"
                        + rs.getLong("size"))
                .single();
    }

    @Override
    public List<SearchDocument> documents() {
        return jdbc.sql("SELECT c.id, m.title, m.content, c.answer" + PUBLISHED)
                .query((rs, i) -> new SearchDocument(KIND, rs.getString("id"), rs.getString("title"),
                        MatterQueries.redact(rs.getString("content")) + "\n" + MatterQueries.redact(rs.getString("answer")),
                        "/public/answers?q=" + URLEncoder.encode(rs.getString("title"), StandardCharsets.UTF_8)))
                .list();
    }
}
