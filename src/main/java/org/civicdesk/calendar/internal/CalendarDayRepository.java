package org.civicdesk.calendar.internal;

import java.time.LocalDate;
import java.util.List;

import org.civicdesk.calendar.CalendarDay;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code calendar_day} table. Its {@code "day"} column is always quoted because DAY is a keyword in H2.
 */
@Repository
public class CalendarDayRepository {

    private final JdbcClient jdbc;

    public CalendarDayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CalendarDay> findAll() {
        return jdbc.sql("SELECT \"day\", kind, name FROM calendar_day ORDER BY \"day\"")
                .query((rs, rowNum) -> new CalendarDay(
                        rs.getObject("day", LocalDate.class),
                        CalendarDay.Kind.valueOf(rs.getString("kind")),
                        rs.getString("name")))
                .list();
    }

    /** Adds the day, or replaces the kind and name of the day already listed on that date. */
    public void upsert(CalendarDay day) {
        // MERGE is the one upsert that both PostgreSQL 15 and H2 accept; the casts give the VALUES row
        // the column types that PostgreSQL cannot infer from bare parameters.
        jdbc.sql("""
                MERGE INTO calendar_day t
                USING (VALUES (CAST(:day AS DATE), CAST(:kind AS VARCHAR(20)), CAST(:name AS VARCHAR(50))))
                    AS s ("day", kind, name)
                ON t."day" = s."day"
                WHEN MATCHED THEN UPDATE SET kind = s.kind, name = s.name
                WHEN NOT MATCHED THEN INSERT ("day", kind, name) VALUES (s."day", s.kind, s.name)
                """)
                .param("day", day.day())
                .param("kind", day.kind().name())
                .param("name", day.name())
                .update();
    }

    /** Removes the day, so that the date follows the plain week again; false if it was not listed. */
    public boolean delete(LocalDate day) {
        return jdbc.sql("DELETE FROM calendar_day WHERE \"day\" = :day").param("day", day).update() > 0;
    }
}
