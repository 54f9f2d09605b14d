package org.civicdesk.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.civicdesk.calendar.CalendarDay;
import org.civicdesk.calendar.WorkingCalendar;
import org.civicdesk.shared.InputRules;

/**
 * The working-day arithmetic over a fixed set of calendar days, kept apart from storage so that it
 * can be checked against an in-memory list.
 */
public final class WorkingDays implements WorkingCalendar {

    private final NavigableMap<LocalDate, CalendarDay> exceptions;

    public WorkingDays(Collection<CalendarDay> days) {
        var byDay = new TreeMap<LocalDate, CalendarDay>();
        for (CalendarDay day : days) {
            if (byDay.putIfAbsent(day.day(), day) != null) {
                throw new IllegalArgumentException("The calendar lists " + day.day() + " twice");
            }
        }
        this.exceptions = Collections.unmodifiableNavigableMap(byDay);
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        CalendarDay exception = exceptions.get(day);
        if (exception != null) {
            return exception.kind() == CalendarDay.Kind.MAKEUP_WORKDAY;
        }
        DayOfWeek dayOfWeek = day.getDayOfWeek();
        return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY;
    }

    @Override
    public LocalDate addWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Cannot add a negative number of working days: " + n);
        }
        requireWithinCalendar(start);
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            requireWithinCalendar(day);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    @Override
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        requireWithinCalendar(fromExclusive);
        requireWithinCalendar(toInclusive);
        if (toInclusive.isBefore(fromExclusive)) {
            return -workingDaysBetween(toInclusive, fromExclusive);
        }
        int count = 0;
        for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The arithmetic walks the calendar a day at a time, which is quick for the dates people give
     * (they are held to {@link InputRules}) but would take minutes for a date a million years away.
     */
    private static void requireWithinCalendar(LocalDate day) {
        if (!InputRules.withinBounds(day)) {
            throw new IllegalArgumentException("The working calendar counts days from " + InputRules.EARLIEST + " to "
                    + InputRules.LATEST + ", not " + day);
        }
    }

    @Override
    public List<CalendarDay> exceptions(int year) {
        return List.copyOf(exceptions.subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true).values());
    }
}
