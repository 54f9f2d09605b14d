package org.civicdesk.calls.internal;

/** What applicants send, as received; the service checks every field. */
final class Commands {

    private Commands() {
    }

    /** @param birthDate e.g. {@code 1970-05-01} */
    record ApplicationCommand(String group, String name, String sex, String birthDate, String phone) {
    }

    /** @param phone the phone the application was made with, in any of the ways people write it */
    record ApplicantCommand(String phone) {
    }
}
