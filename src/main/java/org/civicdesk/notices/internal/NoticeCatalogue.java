package org.civicdesk.notices.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.civicdesk.notices.PublishedNotices;
import org.civicdesk.shared.Redactor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class NoticeCatalogue implements PublishedNotices {

    private final JdbcClient jdbc;

    NoticeCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> kinds() {
        return Arrays.stream(NoticeKind.values()).map(Enum::name).toList();
    }

    @Override
    public Optional<PublishedNotice> published(long id) {
        return jdbc.sql("SELECT id, kind, title FROM notice WHERE id = :id AND status = 'PUBLISHED'").param("id", id)
                .query((rs, n) -> new PublishedNotice(rs.getLong("id"), rs.getString("kind"),
                        Redactor.redact(rs.getString("title"))))
                .optional();
    }
}
