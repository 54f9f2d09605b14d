package org.civicdesk.meetings.internal;

import java.util.List;

/** What an organiser, an invitee or another system asks of meetings, as received; the services check every field. */
final class Commands {

    private Commands() {
    }

    record SeriesCommand(String slug, String name, String kind, Boolean approvalRequired, String description,
            List<String> themeCategories) {
    }

    record CategoryCommand(String name) {
    }

    /** Times are ISO-8601 instants with an offset, e.g. {@code 2023-02-25T07:30:00+08:00}. */
    record MeetingCommand(String series, Integer number, String title, String startsAt, String endsAt, String venue,
            String host, String theme, String themeCategory, Integer capacity, Boolean selfRegistration,
            String status) {
    }

    record InvitationCommand(String username, String role, String kind) {
    }

    /** @param waitlist whether to wait for a seat rather than be refused when the meeting is full */
    record RegistrationCommand(String kind, Boolean waitlist) {

        static final RegistrationCommand DEFAULT = new RegistrationCommand(null, false);
    }

    /** Who arrived: by the registration code scanned or typed at the door, or by username. */
    record AttendanceCommand(String username, String code) {
    }

    /**
     * Someone the organiser records at a meeting, from the directory (personId) or by account.
     *
     * @param invited whether they came on an invitation (recorded as accepted)
     * @param attended whether they were there
     */
    record ParticipantCommand(Long personId, String username, String role, String kind, String note, Boolean invited,
            Boolean attended) {
    }

    record AgendaItemCommand(String kind, String title, String presenter, List<String> documents, String decision) {
    }

    record DecisionCommand(String decision) {
    }

    record CloseCommand(String report) {
    }

    record MinutesCommand(String minutes) {
    }
}
