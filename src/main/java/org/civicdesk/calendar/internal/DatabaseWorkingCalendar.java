package org.civicdesk.calendar.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.civicdesk.calendar.CalendarDay;
import org.civicdesk.calendar.WorkingCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The working calendar as stored in the database, served from an immutable snapshot of the whole table.
 */
@Service
public class DatabaseWorkingCalendar implements WorkingCalendar {

    // A deadline walks the calendar day by day, so one query per day would cost a round trip per step,
    // while the whole table is a few dozen rows a year. Each node therefore keeps a snapshot and reads the
    // table again once the snapshot is a minute old: an admin's change made on another node reaches this
    // one within that minute, which is harmless because each year's calendar is announced weeks ahead.
    private static final Duration MAX_AGE = Duration.ofSeconds(60);

    private final Supplier<? extends Collection<CalendarDay>> loader;
    private final LongSupplier nanoTime;
    private volatile Snapshot snapshot;

    @Autowired
    public DatabaseWorkingCalendar(CalendarDayRepository repository) {
        this(repository::findAll, System::nanoTime);
    }

    DatabaseWorkingCalendar(Supplier<? extends Collection<CalendarDay>> loader, LongSupplier nanoTime) {
        this.loader = loader;
        this.nanoTime = nanoTime;
    }

    /** Reads the table now, so that a change made on this node applies at once rather than within a minute. */
    public WorkingDays reload() {
        var fresh = new Snapshot(new WorkingDays(loader.get()), nanoTime.getAsLong());
        snapshot = fresh;
        return fresh.days();
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        return current().isWorkingDay(day);
    }

    @Override
    public LocalDate addWorkingDays(LocalDate start, int n) {
        return current().addWorkingDays(start, n);
    }

    @Override
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        return current().workingDaysBetween(fromExclusive, toInclusive);
    }

    @Override
    public List<CalendarDay> exceptions(int year) {
        return current().exceptions(year);
    }

    private WorkingDays current() {
        Snapshot current = snapshot;
        if (current == null || nanoTime.getAsLong() - current.loadedAt() >= MAX_AGE.toNanos()) {
            return reload();
        }
        return current.days();
    }

    private record Snapshot(WorkingDays days, long loadedAt) {
    }
}
