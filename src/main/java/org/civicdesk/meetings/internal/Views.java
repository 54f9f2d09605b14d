package org.civicdesk.meetings.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.civicdesk.shared.Redactor;

/**
 * What the API and the pages show of series and meetings. What the public reads of them, on the public
 * pages, in the public API and in the calendar feed, is the {@code forPublic()} copy: every text a
 * person typed with contact details removed by {@link Redactor}.
 */
final class Views {

    private Views() {
    }

    record SeriesView(long id, String slug, String name, SeriesKind kind, boolean approvalRequired,
            String description, List<String> themeCategories, long meetings) {

        SeriesView forPublic() {
            return new SeriesView(id, slug, Redactor.redact(name), kind, approvalRequired,
                    Redactor.redact(description), themeCategories, meetings);
        }
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

        MeetingView forPublic() {
            return new MeetingView(id, series, Redactor.redact(seriesName), number, Redactor.redact(title), startsAt,
                    endsAt, Redactor.redact(venue), Redactor.redact(host), Redactor.redact(theme), themeCategory,
                    capacity, selfRegistration, status, seatsTaken, waitlisted, attendances, registrationOpen,
                    Redactor.redact(report), Redactor.redact(minutes));
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

        /** Without the registration code either. */
        ParticipantView forPublic() {
            return new ParticipantView(id, meetingId, Redactor.redact(name), Redactor.redact(affiliation), username,
                    personId, role, kind, Redactor.redact(note), invitation, registration, registeredAt, attendedAt,
                    null);
        }

        /** An accepted invitation or a confirmed registration: its code admits its holder at the door. */
        public boolean confirmed() {
            return invitation == InvitationStatus.ACCEPTED || registration == RegistrationStatus.CONFIRMED;
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

        AgendaItemView forPublic() {
            return new AgendaItemView(id, order, kind, Redactor.redact(title), Redactor.redact(presenter),
                    documents.stream().map(Redactor::redact).toList(), Redactor.redact(decision));
        }
    }

    /** A meeting as the public sees it: what was on the agenda, who attended in which role. */
    record PublicMeeting(MeetingView meeting, List<AgendaItemView> agenda, List<ParticipantView> attended) {
    }
}
