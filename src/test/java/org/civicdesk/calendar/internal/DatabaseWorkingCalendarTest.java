package org.civicdesk.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.civicdesk.calendar.CalendarDay;
import org.civicdesk.calendar.CalendarDay.Kind;
import org.junit.jupiter.api.Test;

class DatabaseWorkingCalendarTest {

    private static final LocalDate MONDAY = LocalDate.parse("2030-01-07");

    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();
    private List<CalendarDay> table = List.of();

    private final DatabaseWorkingCalendar calendar = new DatabaseWorkingCalendar(() -> {
        loads.incrementAndGet();
        return table;
    }, clock::get);

    @Test
    void readsTheTableOnFirstUseAndThenServesTheSnapshot() {
        assertThat(loads).hasValue(0);
        assertThat(calendar.isWorkingDay(MONDAY)).isTrue();
        table = List.of(new CalendarDay(MONDAY, Kind.HOLIDAY, "元旦"));
        advance(Duration.ofSeconds(59));
        assertThat(calendar.isWorkingDay(MONDAY)).isTrue();
        assertThat(loads).hasValue(1);
    }

    @Test
    void readsTheTableAgainOnceTheSnapshotIsAMinuteOld() {
        calendar.isWorkingDay(MONDAY);
        table = List.of(new CalendarDay(MONDAY, Kind.HOLIDAY, "元旦"));
        advance(Duration.ofSeconds(60));
        assertThat(calendar.isWorkingDay(MONDAY)).isFalse();
        assertThat(loads).hasValue(2);
    }

    @Test
    void reloadAppliesAChangeAtOnce() {
        calendar.isWorkingDay(MONDAY);
        table = List.of(new CalendarDay(MONDAY, Kind.HOLIDAY, "元旦"));
        calendar.reload();
        assertThat(calendar.isWorkingDay(MONDAY)).isFalse();
        assertThat(calendar.addWorkingDays(MONDAY.minusDays(3), 1)).isEqualTo(MONDAY.plusDays(1));
        assertThat(calendar.exceptions(2030)).hasSize(1);
        assertThat(loads).hasValue(2);
    }

    private void advance(Duration duration) {
        clock.addAndGet(duration.toNanos());
    }

    @Test
    void refusesAHugeSpanRatherThanCountingIt() {
        assertThatThrownBy(() -> calendar.workingDaysBetween(LocalDate.of(2023, 2, 28), LocalDate.of(1_000_000, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2023, 2, 28), Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
