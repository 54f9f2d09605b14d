package org.civicdesk.calendar.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.civicdesk.calendar.CalendarDay;
import org.civicdesk.calendar.CalendarDay.Kind;

/**
 * The State Council notices for 2023 to 2026, transcribed block by block as they read, so that the tests can
 * hold the V2 migration to them.
 */
final class OfficialCalendar {

    record Block(String name, LocalDate first, LocalDate last, int announcedDays, List<LocalDate> makeupWorkdays) {

        List<CalendarDay> days() {
            var days = new ArrayList<CalendarDay>();
            first.datesUntil(last.plusDays(1)).forEach(day -> days.add(new CalendarDay(day, Kind.HOLIDAY, name)));
            makeupWorkdays.forEach(day -> days.add(new CalendarDay(day, Kind.MAKEUP_WORKDAY, name)));
            return days;
        }
    }

    record Notice(int year, String number, List<Block> blocks) {

        List<CalendarDay> days() {
            return blocks.stream().flatMap(block -> block.days().stream()).toList();
        }
    }

    // 2024's 元旦 and 端午节 read "放假，与周末连休" and state no length: 3 is the day off joined to its weekend.
    static final List<Notice> NOTICES = List.of(
            new Notice(2023, "国办发明电〔2022〕16号", List.of(
                    block("元旦", "2022-12-31", "2023-01-02", 3),
                    block("春节", "2023-01-21", "2023-01-27", 7, "2023-01-28", "2023-01-29"),
                    block("清明节", "2023-04-05", "2023-04-05", 1),
                    block("劳动节", "2023-04-29", "2023-05-03", 5, "2023-04-23", "2023-05-06"),
                    block("端午节", "2023-06-22", "2023-06-24", 3, "2023-06-25"),
                    block("中秋节、国庆节", "2023-09-29", "2023-10-06", 8, "2023-10-07", "2023-10-08"))),
            new Notice(2024, "国办发明电〔2023〕7号", List.of(
                    block("元旦", "2023-12-30", "2024-01-01", 3),
                    block("春节", "2024-02-10", "2024-02-17", 8, "2024-02-04", "2024-02-18"),
                    block("清明节", "2024-04-04", "2024-04-06", 3, "2024-04-07"),
                    block("劳动节", "2024-05-01", "2024-05-05", 5, "2024-04-28", "2024-05-11"),
                    block("端午节", "2024-06-08", "2024-06-10", 3),
                    block("中秋节", "2024-09-15", "2024-09-17", 3, "2024-09-14"),
                    block("国庆节", "2024-10-01", "2024-10-07", 7, "2024-09-29", "2024-10-12"))),
            new Notice(2025, "国办发明电〔2024〕12号", List.of(
                    block("元旦", "2025-01-01", "2025-01-01", 1),
                    block("春节", "2025-01-28", "2025-02-04", 8, "2025-01-26", "2025-02-08"),
                    block("清明节", "2025-04-04", "2025-04-06", 3),
                    block("劳动节", "2025-05-01", "2025-05-05", 5, "2025-04-27"),
                    block("端午节", "2025-05-31", "2025-06-02", 3),
                    block("国庆节、中秋节", "2025-10-01", "2025-10-08", 8, "2025-09-28", "2025-10-11"))),
            new Notice(2026, "国办发明电〔2025〕7号", List.of(
                    block("元旦", "2026-01-01", "2026-01-03", 3, "2026-01-04"),
                    block("春节", "2026-02-15", "2026-02-23", 9, "2026-02-14", "2026-02-28"),
                    block("清明节", "2026-04-04", "2026-04-06", 3),
                    block("劳动节", "2026-05-01", "2026-05-05", 5, "2026-05-09"),
                    block("端午节", "2026-06-19", "2026-06-21", 3),
                    block("中秋节", "2026-09-25", "2026-09-27", 3),
                    block("国庆节", "2026-10-01", "2026-10-07", 7, "2026-09-20", "2026-10-10"))));

    static List<CalendarDay> days() {
        return NOTICES.stream().flatMap(notice -> notice.days().stream()).toList();
    }

    static WorkingDays workingDays() {
        return new WorkingDays(days());
    }

    private static Block block(String name, String first, String last, int announcedDays, String... makeupWorkdays) {
        return new Block(name, LocalDate.parse(first), LocalDate.parse(last), announcedDays,
                Arrays.stream(makeupWorkdays).map(LocalDate::parse).toList());
    }

    private OfficialCalendar() {
    }
}
