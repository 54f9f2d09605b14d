package org.civicdesk.meetings.internal;

import java.time.OffsetDateTime;
import java.util.List;

/** What the API and the pages show of series and meetings. */
final class Views {

    private Views() {
    }

    record SeriesView(long id, String slug, String name, SeriesKind kind, boolean approvalRequired,
            String description, List<String> themeCategories, long meetings) {
    }

    /**
     * Its helper methods are public for the page templates, which call them by reflection.
     *
     * @param seatsTaken invitations sent or accepted plus registrations pending or confirmed
     * @param registrationOpen whether a signed-in account may register itself now
     */
    record MeetingView(long id, String series, String seriesName, int number, String title, OffsetDateTime startsAt,
            OffsetDateTime endsAt, String venue, String host, String theme, String themeCategory, Integer capacity,
            boolean selfRegistration, MeetingStatus status, long seatsTaken, long waitlisted, long attendances,
            boolean registrationOpen, String report, String minutes) {

        public boolean full() {
            return capacity != null && seatsTaken >= capacity;
        }
    }

    /**
     * One person at a meeting. The registration code is filled in only for the person themself: it
     * admits its holder at the door.
     */
    record ParticipantView(long id, long meetingId, String name, String affiliation, String username, Long personId,
            ParticipantRole role, AttendeeKind kind, String note, InvitationStatus invitation,
            RegistrationStatus registration, OffsetDateTime registeredAt, OffsetDateTime attendedAt, String code) {

        /** The same without the registration code, for anyone but the person themself. */
        public ParticipantView withoutCode() {
            return new ParticipantView(id, meetingId, name, affiliation, username, personId, role, kind, note,
                    invitation, registration, registeredAt, attendedAt, null);
        }

        public boolean holdsSeat() {
            return invitation == InvitationStatus.SENT || invitation == InvitationStatus.ACCEPTED
                    || registration == RegistrationStatus.PENDING || registration == RegistrationStatus.CONFIRMED;
        }
    }

    /** A meeting together with the caller's own place in it. */
    record MyMeeting(MeetingView meeting, ParticipantView me) {
    }

    record AgendaItemView(long id, int order, AgendaKind kind, String title, String presenter,
            List<String> documents, String decision) {
    }

    /** A meeting as the public sees it: what was on the agenda, who attended in which role. */
    record PublicMeeting(MeetingView meeting, List<AgendaItemView> agenda, List<ParticipantView> attended) {
    }
}
