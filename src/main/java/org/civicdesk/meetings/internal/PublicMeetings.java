package org.civicdesk.meetings.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.civicdesk.meetings.internal.Views.MeetingView;
import org.civicdesk.meetings.internal.Views.PublicMeeting;
import org.civicdesk.meetings.internal.Views.SeriesView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The public record of meetings, shared by the public API and the public pages. */
@Service
@Transactional(readOnly = true)
class PublicMeetings {

    private final MeetingService meetings;
    private final ParticipationService participation;

    PublicMeetings(MeetingService meetings, ParticipationService participation) {
        this.meetings = meetings;
        this.participation = participation;
    }

    List<SeriesView> series() {
        return meetings.allSeries();
    }

    SeriesView seriesView(String slug) {
        return meetings.seriesView(slug);
    }

    /** @param month the month in the city's time zone, or {@code null} for all */
    List<MeetingView> meetings(String series, YearMonth month) {
        if (series != null && !series.isBlank()) {
            meetings.seriesView(series.trim());
        }
        OffsetDateTime from = month == null ? null : start(month.atDay(1));
        OffsetDateTime to = month == null ? null : start(month.plusMonths(1).atDay(1));
        return meetings.meetings(series, from, to, false);
    }

    PublicMeeting meeting(long id) {
        MeetingView meeting = meetings.publicMeeting(id);
        return new PublicMeeting(meeting, meetings.agenda(id), participation.attended(id));
    }

    ZoneId zone() {
        return meetings.zone();
    }

    private OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(meetings.zone()).toOffsetDateTime();
    }
}
