package org.civicdesk.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * Working-day arithmetic on the official calendar. A day is a working day when it is a make-up working
 * day, or else when it falls on Monday to Friday and is not a public holiday. Dates outside the years
 * with announced data follow the plain Monday-to-Friday week. The arithmetic counts only days within
 * the bounds of {@link org.civicdesk.shared.InputRules} and refuses any other with an
 * {@link IllegalArgumentException}, so that no date can keep it counting for long.
 */
public interface WorkingCalendar {

    boolean isWorkingDay(LocalDate day);

    /**
     * The {@code n}-th working day after {@code start}. The start day itself never counts, because
     * Chinese rules count a period from the next day; {@code n = 0} returns {@code start} unchanged.
     *
     * @throws IllegalArgumentException if {@code n} is negative, or {@code start} or the day it
     *         reaches lies outside the calendar's bounds
     */
    LocalDate addWorkingDays(LocalDate start, int n);

    /**
     * The number of working days after {@code fromExclusive} up to and including {@code toInclusive};
     * negative, with the same magnitude, when {@code toInclusive} is before {@code fromExclusive}.
     */
    int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive);

    /** The holidays and make-up working days dated in {@code year}, in date order. */
    List<CalendarDay> exceptions(int year);
}
