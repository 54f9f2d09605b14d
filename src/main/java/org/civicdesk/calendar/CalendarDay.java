package org.civicdesk.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A day on which the official calendar departs from the plain Monday-to-Friday week.
 *
 * @param day  the date
 * @param kind whether the day is taken off or worked
 * @param name the holiday the day belongs to, as the notice names it, e.g. 春节 or 国庆节
 */
public record CalendarDay(LocalDate day, Kind kind, String name) {

    public CalendarDay {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A calendar day needs the name of its holiday: " + day);
        }
    }

    public enum Kind {
        /** A public holiday (法定节假日), including the weekend days inside an announced holiday block. */
        HOLIDAY,
        /** A make-up working day (调休上班): a Saturday or Sunday worked in exchange for a day of a holiday block. */
        MAKEUP_WORKDAY
    }
}
