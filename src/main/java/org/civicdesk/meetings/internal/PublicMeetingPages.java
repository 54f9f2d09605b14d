package org.civicdesk.meetings.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.civicdesk.meetings.DiscussedProjects;
import org.civicdesk.meetings.internal.Views.MeetingView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public pages: published meetings, a month calendar, and each series' analytics with charts. */
@Controller
class PublicMeetingPages {

    private final PublicMeetings meetings;
    private final SeriesStatistics statistics;
    private final ObjectProvider<DiscussedProjects> discussed;

    PublicMeetingPages(PublicMeetings meetings, SeriesStatistics statistics,
            ObjectProvider<DiscussedProjects> discussed) {
        this.meetings = meetings;
        this.statistics = statistics;
        this.discussed = discussed;
    }

    /** A day of the month view; days of the neighbouring months fill the first and last week. */
    record Day(LocalDate date, boolean inMonth, List<MeetingView> meetings) {
    }

    @GetMapping("/public/meetings")
    String list(@RequestParam(required = false) String series, Model model) {
        model.addAttribute("allSeries", meetings.series());
        model.addAttribute("series", series);
        model.addAttribute("meetings", meetings.upcomingFirst(series));
        return "meetings/public-list";
    }

    @GetMapping("/public/meetings/{id}")
    String meeting(@PathVariable long id, Model model) {
        model.addAttribute("record", meetings.meeting(id));
        model.addAttribute("raised", statistics.forMeeting(id));
        model.addAttribute("discussed", discussed(discussed, id));
        return "meetings/public-meeting";
    }

    /** The projects the meeting discussed, when the projects module is there to say. */
    static List<DiscussedProjects.Project> discussed(ObjectProvider<DiscussedProjects> projects, long meetingId) {
        DiscussedProjects source = projects.getIfAvailable();
        return source == null ? List.of() : source.forMeeting(meetingId);
    }

    @GetMapping("/public/meetings/calendar")
    String calendar(@RequestParam(required = false) YearMonth month, @RequestParam(required = false) String series,
            Model model) {
        YearMonth shown = month != null ? month : YearMonth.now(meetings.zone());
        Map<LocalDate, List<MeetingView>> byDay = new LinkedHashMap<>();
        for (MeetingView m : meetings.meetings(series, shown)) {
            byDay.computeIfAbsent(m.startsAt().toLocalDate(), d -> new ArrayList<>()).add(m);
        }
        List<List<Day>> weeks = new ArrayList<>();
        LocalDate day = shown.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate end = shown.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        while (!day.isAfter(end)) {
            List<Day> week = new ArrayList<>();
            for (int i = 0; i < 7; i++, day = day.plusDays(1)) {
                week.add(new Day(day, YearMonth.from(day).equals(shown), byDay.getOrDefault(day, List.of())));
            }
            weeks.add(week);
        }
        model.addAttribute("month", shown);
        model.addAttribute("weeks", weeks);
        model.addAttribute("series", series);
        model.addAttribute("allSeries", meetings.series());
        model.addAttribute("count", byDay.values().stream().mapToInt(List::size).sum());
        return "meetings/calendar";
    }

    @GetMapping("/public/series/{slug}")
    String series(@PathVariable String slug, Model model) {
        model.addAttribute("series", meetings.seriesView(slug));
        model.addAttribute("stats", statistics.of(slug));
        return "meetings/series";
    }
}
