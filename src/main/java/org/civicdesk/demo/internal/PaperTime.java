package org.civicdesk.demo.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The moments at which the demo replays what happened. The paper gives days, rarely hours; a day
 * without an hour is recorded at 09:00 in Zhuzhou, whatever time zone the city running the demo
 * is configured for, so every record keeps the paper's day.
 */
final class PaperTime {

    private static final ZoneOffset ZHUZHOU = ZoneOffset.ofHours(8);
    private static final LocalTime MORNING = LocalTime.of(9, 0);

    private PaperTime() {
    }

    /** An ISO-8601 date-time with its offset, e.g. {@code 2023-02-27T10:00:00+08:00}. */
    static Instant at(String dateTime) {
        return OffsetDateTime.parse(dateTime).toInstant();
    }

    /** An hour of a day in Zhuzhou, where the paper says what happened in the morning or the afternoon. */
    static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atOffset(ZHUZHOU).toInstant();
    }

    static Instant on(LocalDate day) {
        return day.atTime(MORNING).atOffset(ZHUZHOU).toInstant();
    }

    /** A day as {@code 2023-02-28}. */
    static Instant on(String day) {
        return on(LocalDate.parse(day));
    }
}
