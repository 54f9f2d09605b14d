package org.civicdesk.meetings;

/**
 * What an organiser does with meetings, for other modules that record on someone's behalf (the demo
 * city does). Each command is the one the meetings API takes, refused unless the acting person is
 * an organiser (ADMIN or SUPERVISOR), checked and audited as the API does.
 */
public interface MeetingCommands {

    SeriesRef createSeries(SeriesCommand series);

    MeetingRef createMeeting(MeetingCommand meeting);

    /** Records someone at the meeting in a role, as the organiser's list of who came does. */
    void recordParticipant(long meetingId, ParticipantCommand participant);

    void addAgendaItem(long meetingId, AgendaItemCommand item);

    /** 会议纪要 — the minutes, which may be attached or corrected after the meeting closed too. */
    void setMinutes(long meetingId, String minutes);

    /** 结束 — closes a published meeting with its report. */
    void close(long meetingId, String report);
}
