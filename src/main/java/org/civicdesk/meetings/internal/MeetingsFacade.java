package org.civicdesk.meetings.internal;

import org.civicdesk.meetings.AgendaItemCommand;
import org.civicdesk.meetings.MeetingCommand;
import org.civicdesk.meetings.MeetingCommands;
import org.civicdesk.meetings.MeetingRef;
import org.civicdesk.meetings.ParticipantCommand;
import org.civicdesk.meetings.SeriesCommand;
import org.civicdesk.meetings.SeriesRef;
import org.civicdesk.meetings.internal.Views.SeriesView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The organisers' commands for other modules, under the rule the meetings API applies. */
@Service
@PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
class MeetingsFacade implements MeetingCommands {

    private final MeetingService meetings;
    private final ParticipationService participation;

    MeetingsFacade(MeetingService meetings, ParticipationService participation) {
        this.meetings = meetings;
        this.participation = participation;
    }

    @Override
    public SeriesRef createSeries(SeriesCommand series) {
        SeriesView created = meetings.createSeries(series);
        return new SeriesRef(created.id(), created.slug(), created.name());
    }

    @Override
    public MeetingRef createMeeting(MeetingCommand meeting) {
        return MeetingService.ref(meetings.createMeeting(meeting));
    }

    @Override
    public void recordParticipant(long meetingId, ParticipantCommand participant) {
        participation.record(meetingId, participant);
    }

    @Override
    public void addAgendaItem(long meetingId, AgendaItemCommand item) {
        meetings.addAgendaItem(meetingId, item);
    }

    @Override
    public void setMinutes(long meetingId, String minutes) {
        meetings.setMinutes(meetingId, minutes);
    }

    @Override
    public void close(long meetingId, String report) {
        meetings.close(meetingId, report);
    }
}
