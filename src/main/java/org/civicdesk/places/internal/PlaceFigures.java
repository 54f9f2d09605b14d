package org.civicdesk.places.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.civicdesk.shared.web.PublicFigures;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The places on the front page's map, and the bookings of each place for the dashboards. */
@Component
class PlaceFigures implements PublicFigures {

    private final JdbcClient jdbc;
    private final MessageSource messages;

    PlaceFigures(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public List<Point> points() {
        return jdbc.sql("SELECT id, name, kind, place_level, lat, lon FROM place ORDER BY name")
                .query((rs, n) -> new Point(rs.getString("name"), "/public/places/" + rs.getLong("id"),
                        rs.getBigDecimal("lat"), rs.getBigDecimal("lon"), rs.getString("kind"),
                        rs.getString("place_level")))
                .list();
    }

    /** Each place that has been asked for: visits confirmed, the people they bring, requests waiting. */
    @Override
    public List<Table> tables(Locale locale) {
        List<Line> lines = jdbc.sql("""
                SELECT p.name,
                       SUM(CASE WHEN b.status = 'CONFIRMED' THEN 1 ELSE 0 END) AS confirmed,
                       SUM(CASE WHEN b.status = 'CONFIRMED' THEN b.group_size ELSE 0 END) AS visitors,
                       SUM(CASE WHEN b.status = 'REQUESTED' THEN 1 ELSE 0 END) AS requested
                FROM booking b JOIN place p ON p.id = b.place_id
                GROUP BY p.id, p.name ORDER BY confirmed DESC, p.name""")
                .query((rs, n) -> new Line(rs.getString("name"), List.of(BigDecimal.valueOf(rs.getLong("confirmed")),
                        BigDecimal.valueOf(rs.getLong("visitors")), BigDecimal.valueOf(rs.getLong("requested")))))
                .list();
        return List.of(new Table("bookings-by-place", 40, msg(locale, "places.figures.bookings"),
                msg(locale, "places.figures.bookings.period"), Chart.BAR, msg(locale, "places.booking.place"),
                List.of(new Column(msg(locale, "places.figures.confirmed"), Measure.COUNT),
                        new Column(msg(locale, "places.figures.visitors"), Measure.COUNT),
                        new Column(msg(locale, "places.figures.requested"), Measure.COUNT)),
                lines, List.of(1, 3)));
    }

    private String msg(Locale locale, String key) {
        return messages.getMessage(key, null, locale);
    }
}
