package org.civicdesk.notices.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import org.civicdesk.shared.CitySettings;
import org.civicdesk.shared.Redactor;
import org.civicdesk.shared.web.Formats;
import org.civicdesk.shared.web.PublicFigures;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The latest published notices and alerts, for the front page. */
@Component
class NoticeFigures implements PublicFigures {

    private static final int LATEST = 5;

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final CitySettings city;

    NoticeFigures(JdbcClient jdbc, MessageSource messages, CitySettings city) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.city = city;
    }

    @Override
    public List<Feed> feeds(Locale locale) {
        Formats formats = new Formats(locale, city.timeZone());
        List<Item> items = jdbc.sql("SELECT id, title, kind, published_at FROM notice WHERE status = 'PUBLISHED' "
                + "ORDER BY published_at DESC, id DESC LIMIT :limit").param("limit", LATEST)
                .query((rs, n) -> new Item(Redactor.redact(rs.getString("title")), "/public/notices/" + rs.getLong("id"),
                        formats.date(rs.getObject("published_at", OffsetDateTime.class)) + " · "
                                + messages.getMessage("notices.kind." + rs.getString("kind"), null, locale)))
                .list();
        return List.of(new Feed("notices", 10, messages.getMessage("notices.figures.latest", null, locale),
                "/public/notices", items));
    }
}
