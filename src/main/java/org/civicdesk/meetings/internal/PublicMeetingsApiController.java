package org.civicdesk.meetings.internal;

import java.time.YearMonth;
import java.util.List;

import org.civicdesk.meetings.internal.Views.MeetingView;
import org.civicdesk.meetings.internal.Views.PublicMeeting;
import org.civicdesk.meetings.internal.Views.SeriesView;
import org.civicdesk.shared.CitySettings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What anyone may read of meetings, without signing in: published and closed meetings only. */
@RestController
@RequestMapping("/api/v1/public")
@Tag(name = "Public")
class PublicMeetingsApiController {

    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final PublicMeetings meetings;
    private final SeriesStatistics statistics;
    private final CalendarFeed calendar;
    private final CitySettings city;

    PublicMeetingsApiController(PublicMeetings meetings, SeriesStatistics statistics, CalendarFeed calendar,
            CitySettings city) {
        this.meetings = meetings;
        this.statistics = statistics;
        this.calendar = calendar;
        this.city = city;
    }

    @GetMapping("/series")
    List<SeriesView> series() {
        return meetings.series();
    }

    @GetMapping("/meetings")
    @Operation(summary = "Published and closed meetings, of one series and one month (2023-02) if asked")
    List<MeetingView> meetings(@RequestParam(required = false) String series,
            @RequestParam(required = false) YearMonth month) {
        return meetings.meetings(series, month);
    }

    @GetMapping("/meetings/{id}")
    @Operation(summary = "A published or closed meeting with its agenda and who attended")
    PublicMeeting meeting(@PathVariable long id) {
        return meetings.meeting(id);
    }

    @GetMapping("/stats/series/{slug}")
    @Operation(summary = "Meetings, attendances, distinct and repeat attendees, themes, attendee kinds and items raised")
    SeriesStatistics.Stats stats(@PathVariable String slug) {
        return statistics.of(slug);
    }

    @GetMapping("/series/{slug}/calendar.ics")
    @Operation(summary = "The series' meetings as an RFC 5545 calendar")
    ResponseEntity<String> calendar(@PathVariable String slug) {
        return ResponseEntity.ok().contentType(CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + slug + ".ics\"")
                .body(calendar.write(meetings.seriesView(slug), meetings.meetings(slug, null), city.host()));
    }

    @GetMapping("/meetings/{id}/calendar.ics")
    @Operation(summary = "One published or closed meeting as an RFC 5545 calendar file")
    ResponseEntity<String> meetingCalendar(@PathVariable long id) {
        return ResponseEntity.ok().contentType(CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"meeting-" + id + ".ics\"")
                .body(calendar.write(meetings.meetingOnly(id), city.host()));
    }
}
