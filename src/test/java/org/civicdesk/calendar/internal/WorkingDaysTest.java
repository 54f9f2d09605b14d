package org.civicdesk.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.civicdesk.calendar.CalendarDay;
import org.civicdesk.calendar.CalendarDay.Kind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDaysTest {

    private final WorkingDays calendar = OfficialCalendar.workingDays();

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Nested
    class SpringFestival2023 {

        @Test
        void theBlockIsOffAndTheWeekendAfterItIsWorked() {
            assertThat(calendar.isWorkingDay(date("2023-01-20"))).as("Fri before the block").isTrue();
            date("2023-01-21").datesUntil(date("2023-01-28"))
                    .forEach(day -> assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse());
            assertThat(calendar.isWorkingDay(date("2023-01-28"))).as("make-up Sat").isTrue();
            assertThat(calendar.isWorkingDay(date("2023-01-29"))).as("make-up Sun").isTrue();
        }

        @ParameterizedTest
        @CsvSource({
                "2023-01-20, 1, 2023-01-28",
                "2023-01-20, 2, 2023-01-29",
                "2023-01-20, 3, 2023-01-30",
                "2023-01-19, 1, 2023-01-20",
                "2023-01-19, 2, 2023-01-28",
                "2023-01-24, 1, 2023-01-28"})
        void addingWorkingDaysSkipsTheBlockAndLandsOnTheMakeupWeekend(LocalDate start, int n, LocalDate expected) {
            assertThat(calendar.addWorkingDays(start, n)).isEqualTo(expected);
        }

        @Test
        void countsOnlyTheMakeupWeekendAndTheWeekdaysAfterIt() {
            assertThat(calendar.workingDaysBetween(date("2023-01-20"), date("2023-01-31"))).isEqualTo(4);
            assertThat(calendar.workingDaysBetween(date("2023-01-20"), date("2023-01-27"))).isZero();
        }
    }

    @Nested
    class NationalDay2023 {

        @Test
        void theBlockIsOffAndTheWeekendAfterItIsWorked() {
            assertThat(calendar.isWorkingDay(date("2023-09-28"))).isTrue();
            date("2023-09-29").datesUntil(date("2023-10-07"))
                    .forEach(day -> assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse());
            assertThat(calendar.isWorkingDay(date("2023-10-07"))).as("make-up Sat").isTrue();
            assertThat(calendar.isWorkingDay(date("2023-10-08"))).as("make-up Sun").isTrue();
            assertThat(calendar.isWorkingDay(date("2023-10-14"))).as("the next Saturday is a plain one").isFalse();
        }

        @ParameterizedTest
        @CsvSource({
                "2023-09-28, 1, 2023-10-07",
                "2023-09-28, 2, 2023-10-08",
                "2023-09-28, 3, 2023-10-09",
                "2023-10-01, 1, 2023-10-07",
                "2023-09-25, 15, 2023-10-20"})
        void addingWorkingDaysSkipsTheBlock(LocalDate start, int n, LocalDate expected) {
            assertThat(calendar.addWorkingDays(start, n)).isEqualTo(expected);
        }

        @Test
        void countsAcrossTheBlock() {
            assertThat(calendar.workingDaysBetween(date("2023-09-28"), date("2023-10-09"))).isEqualTo(3);
            assertThat(calendar.workingDaysBetween(date("2023-09-25"), date("2023-10-20"))).isEqualTo(15);
            assertThat(calendar.workingDaysBetween(date("2023-09-28"), date("2023-10-06"))).isZero();
        }
    }

    @Nested
    class PlainWeek {

        @Test
        void saturdayAndSundayAreOffAndWeekdaysAreWorked() {
            assertThat(calendar.isWorkingDay(date("2023-03-10"))).as("Fri").isTrue();
            assertThat(calendar.isWorkingDay(date("2023-03-11"))).as("Sat").isFalse();
            assertThat(calendar.isWorkingDay(date("2023-03-12"))).as("Sun").isFalse();
            assertThat(calendar.isWorkingDay(date("2023-03-13"))).as("Mon").isTrue();
        }

        @ParameterizedTest
        @CsvSource({
                "2023-03-10, 1, 2023-03-13",
                "2023-03-11, 1, 2023-03-13",
                "2023-03-12, 1, 2023-03-13",
                "2023-03-09, 2, 2023-03-13",
                "2023-03-13, 5, 2023-03-20"})
        void theStartDayNeverCounts(LocalDate start, int n, LocalDate expected) {
            assertThat(calendar.addWorkingDays(start, n)).isEqualTo(expected);
        }

        @Test
        void yearsWithoutDataFollowThePlainWeek() {
            assertThat(calendar.exceptions(2027)).isEmpty();
            assertThat(calendar.isWorkingDay(date("2027-10-01"))).as("Fri 1 Oct 2027, not yet announced").isTrue();
            assertThat(calendar.isWorkingDay(date("2027-10-02"))).as("Sat").isFalse();
            assertThat(calendar.addWorkingDays(date("2027-10-01"), 1)).isEqualTo(date("2027-10-04"));
            assertThat(calendar.isWorkingDay(date("2021-10-01"))).as("before the data: Fri 1 Oct 2021").isTrue();
        }

        @Test
        void anEmptyCalendarIsThePlainWeek() {
            var plain = new WorkingDays(List.of());
            assertThat(plain.isWorkingDay(date("2023-01-23"))).isTrue();
            assertThat(plain.isWorkingDay(date("2023-01-28"))).isFalse();
            assertThat(plain.workingDaysBetween(date("2023-01-01"), date("2023-12-31"))).isEqualTo(260);
        }
    }

    @Test
    void addingZeroWorkingDaysReturnsTheStartEvenOnADayOff() {
        assertThat(calendar.addWorkingDays(date("2023-10-01"), 0)).isEqualTo(date("2023-10-01"));
        assertThat(calendar.addWorkingDays(date("2023-03-11"), 0)).isEqualTo(date("2023-03-11"));
        assertThat(calendar.addWorkingDays(date("2023-03-13"), 0)).isEqualTo(date("2023-03-13"));
    }

    @Test
    void aNegativeNumberOfWorkingDaysIsRejected() {
        assertThatThrownBy(() -> calendar.addWorkingDays(date("2023-03-13"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workingDaysBetweenIsNegativeBackwardsAndZeroOnTheSameDay() {
        assertThat(calendar.workingDaysBetween(date("2023-01-31"), date("2023-01-20"))).isEqualTo(-4);
        assertThat(calendar.workingDaysBetween(date("2023-10-09"), date("2023-09-28"))).isEqualTo(-3);
        assertThat(calendar.workingDaysBetween(date("2023-03-13"), date("2023-03-13"))).isZero();
    }

    @Test
    void countingTheResultOfAddingGivesBackTheNumberAdded() {
        for (LocalDate start = date("2022-12-01"); start.isBefore(date("2027-01-31")); start = start.plusDays(3)) {
            for (int n : new int[] {0, 1, 2, 5, 7, 15, 20, 60}) {
                LocalDate end = calendar.addWorkingDays(start, n);
                assertThat(calendar.workingDaysBetween(start, end)).as("%s + %d", start, n).isEqualTo(n);
                assertThat(n == 0 || calendar.isWorkingDay(end)).as("%s + %d lands on a working day", start, n).isTrue();
            }
        }
    }

    @Test
    void exceptionsListOnlyTheGivenYearInDateOrder() {
        List<CalendarDay> days = calendar.exceptions(2024);
        assertThat(days).extracting(day -> day.day().getYear()).containsOnly(2024);
        assertThat(days).extracting(CalendarDay::day).isSorted();
        assertThat(days.get(0)).isEqualTo(new CalendarDay(date("2024-01-01"), Kind.HOLIDAY, "元旦"));
        assertThat(calendar.exceptions(2023)).extracting(CalendarDay::day)
                .contains(date("2023-12-30"), date("2023-12-31"))
                .doesNotContain(date("2022-12-31"));
    }

    @Test
    void aDateListedTwiceIsRejected() {
        var holiday = new CalendarDay(date("2023-10-01"), Kind.HOLIDAY, "国庆节");
        var clash = new CalendarDay(date("2023-10-01"), Kind.MAKEUP_WORKDAY, "国庆节");
        assertThatThrownBy(() -> new WorkingDays(List.of(holiday, clash)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2023-10-01");
    }

    @Test
    void refusesToCountBeyondTheBoundsOfTheCalendar() {
        LocalDate farAway = LocalDate.of(1_000_000, 1, 1);
        assertThatThrownBy(() -> calendar.workingDaysBetween(date("2023-02-28"), farAway))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2100-12-31");
        assertThatThrownBy(() -> calendar.workingDaysBetween(farAway, date("2023-02-28")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.addWorkingDays(farAway, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.addWorkingDays(date("2023-02-28"), Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2100-12-31");
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(1899, 12, 31), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(calendar.workingDaysBetween(LocalDate.of(1900, 1, 1), LocalDate.of(2100, 12, 31))).isPositive();
        assertThat(calendar.addWorkingDays(LocalDate.of(2100, 12, 30), 1)).isEqualTo(LocalDate.of(2100, 12, 31));
    }
}
