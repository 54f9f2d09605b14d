package org.civicdesk.meetings.internal;

/** What an organiser, an invitee or another system asks of meetings, as received; the services check every field. */
final class Commands {

    private Commands() {
    }

    record CategoryCommand(String name) {
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

    record DecisionCommand(String decision) {
    }

    record CloseCommand(String report) {
    }

    record MinutesCommand(String minutes) {
    }
}
