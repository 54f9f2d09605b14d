package org.civicdesk.meetings.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.civicdesk.meetings.internal.Views.AgendaItemView;
import org.civicdesk.meetings.internal.Views.MeetingView;
import org.civicdesk.meetings.internal.Views.ParticipantView;
import org.civicdesk.meetings.internal.Views.PublicMeeting;
import org.civicdesk.meetings.internal.Views.SeriesView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public record of meetings, shared by the public API, the public pages and the calendar feed:
 * every text in it is the {@code forPublic()} copy, contact details removed.
 */
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
        return meetings.allSeries().stream().map(SeriesView::forPublic).toList();
    }

    SeriesView seriesView(String slug) {
        return meetings.seriesView(slug).forPublic();
    }

    /** @param month the month in the city's time zone, or {@code null} for all */
    List<MeetingView> meetings(String series, YearMonth month) {
        if (series != null && !series.isBlank()) {
            meetings.seriesView(series.trim());
        }
        OffsetDateTime from = month == null ? null : start(month.atDay(1));
        OffsetDateTime to = month == null ? null : start(month.plusMonths(1).atDay(1));
        return meetings.meetings(series, from, to, false).stream().map(MeetingView::forPublic).toList();
    }

    /** A published or closed meeting alone, without its agenda and attendees. */
    MeetingView meetingOnly(long id) {
        return meetings.publicMeeting(id).forPublic();
    }

    /** Published and closed meetings, those to come first (soonest first), then the past ones, latest first. */
    List<MeetingView> upcomingFirst(String series) {
        return meetings.upcomingFirst(meetings(series, null));
    }

    PublicMeeting meeting(long id) {
        return new PublicMeeting(meetings.publicMeeting(id).forPublic(),
                meetings.agenda(id).stream().map(AgendaItemView::forPublic).toList(),
                participation.attended(id).stream().map(ParticipantView::forPublic).toList());
    }

    ZoneId zone() {
        return meetings.zone();
    }

    private OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(meetings.zone()).toOffsetDateTime();
    }
}
