package org.civicdesk.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.civicdesk.calendar.CalendarDay;
import org.civicdesk.calendar.CalendarDay.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Holds the transcribed notices to the counts and rules they must satisfy, and the V2 migration to the
 * transcription, so that neither can drift from the notices unnoticed.
 */
class OfficialCalendarDataTest {

    private static final String MIGRATION = "/db/migration/V2__working_calendar.sql";
    private static final Pattern ROW =
            Pattern.compile("\\(DATE '(\\d{4}-\\d{2}-\\d{2})', '(HOLIDAY|MAKEUP_WORKDAY)', '([^']+)'\\)");

    private final WorkingDays calendar = OfficialCalendar.workingDays();

    @ParameterizedTest(name = "the {0} notice announces {1} days off and {2} make-up working days")
    @CsvSource({
            "2023, 27, 7",
            "2024, 32, 8",
            "2025, 28, 5",
            "2026, 33, 6"})
    void eachNoticeHasItsCounts(int year, int holidays, int makeupWorkdays) {
        List<CalendarDay> days = notice(year).days();
        assertThat(days).filteredOn(day -> day.kind() == Kind.HOLIDAY).hasSize(holidays);
        assertThat(days).filteredOn(day -> day.kind() == Kind.MAKEUP_WORKDAY).hasSize(makeupWorkdays);
    }

    // A 元旦 block can begin in the December before: 2022-12-31 belongs to the 2023 notice and 2023-12-30/31
    // to the 2024 one, which is why 2023 has more days off than its notice and 2024 fewer.
    @ParameterizedTest(name = "{0} has {1} days off and {2} make-up working days")
    @CsvSource({
            "2022,  1, 0",
            "2023, 28, 7",
            "2024, 30, 8",
            "2025, 28, 5",
            "2026, 33, 6",
            "2027,  0, 0"})
    void eachCalendarYearHasItsCounts(int year, int holidays, int makeupWorkdays) {
        List<CalendarDay> days = calendar.exceptions(year);
        assertThat(days).filteredOn(day -> day.kind() == Kind.HOLIDAY).hasSize(holidays);
        assertThat(days).filteredOn(day -> day.kind() == Kind.MAKEUP_WORKDAY).hasSize(makeupWorkdays);
    }

    // 调休 only swaps weekend days for weekdays, so a year's working days are its weekdays less its statutory
    // holidays under 全国年节及纪念日放假办法: 11 days, 13 from 2025 (春节 and 劳动节 one day longer each).
    @ParameterizedTest(name = "{0} has {1} weekdays less {2} statutory holidays")
    @CsvSource({
            "2023, 260, 11",
            "2024, 262, 11",
            "2025, 261, 13",
            "2026, 261, 13"})
    void eachYearLosesExactlyItsStatutoryHolidays(int year, int weekdays, int statutoryHolidays) {
        var yearBefore = LocalDate.of(year - 1, 12, 31);
        var lastDay = LocalDate.of(year, 12, 31);
        assertThat(new WorkingDays(List.of()).workingDaysBetween(yearBefore, lastDay)).isEqualTo(weekdays);
        assertThat(calendar.workingDaysBetween(yearBefore, lastDay)).isEqualTo(weekdays - statutoryHolidays);
    }

    @Test
    void eachBlockLastsAsLongAsItsNoticeSays() {
        for (OfficialCalendar.Notice notice : OfficialCalendar.NOTICES) {
            for (OfficialCalendar.Block block : notice.blocks()) {
                assertThat(block.first().datesUntil(block.last().plusDays(1)).count())
                        .as("%d %s", notice.year(), block.name())
                        .isEqualTo(block.announcedDays());
            }
        }
    }

    @Test
    void everyMakeupWorkdayIsASaturdayOrSunday() {
        assertThat(OfficialCalendar.days())
                .filteredOn(day -> day.kind() == Kind.MAKEUP_WORKDAY)
                .allSatisfy(day -> assertThat(day.day().getDayOfWeek()).as(day.toString())
                        .isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    }

    @Test
    void theMigrationInsertsExactlyTheNotices() throws IOException {
        String sql = migration();
        var rows = new ArrayList<CalendarDay>();
        Matcher matcher = ROW.matcher(sql);
        while (matcher.find()) {
            rows.add(new CalendarDay(LocalDate.parse(matcher.group(1)), Kind.valueOf(matcher.group(2)), matcher.group(3)));
        }
        assertThat(rows).as("every inserted date is read").hasSize(occurrences(sql, "DATE '"));

        var expected = new ArrayList<>(OfficialCalendar.days());
        expected.sort(Comparator.comparing(CalendarDay::day));
        rows.sort(Comparator.comparing(CalendarDay::day));
        assertThat(rows).containsExactlyElementsOf(expected);
    }

    @Test
    void theMigrationCitesEachNotice() throws IOException {
        String sql = migration();
        for (OfficialCalendar.Notice notice : OfficialCalendar.NOTICES) {
            assertThat(sql).contains("-- " + notice.year() + ": " + notice.number());
        }
    }

    private static OfficialCalendar.Notice notice(int year) {
        return OfficialCalendar.NOTICES.stream().filter(notice -> notice.year() == year).findFirst().orElseThrow();
    }

    private static String migration() throws IOException {
        try (InputStream in = OfficialCalendarDataTest.class.getResourceAsStream(MIGRATION)) {
            assertThat(in).as(MIGRATION + " on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
