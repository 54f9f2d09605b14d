package org.civicdesk.calls.internal;

/** What applicants send, as received; the service checks every field. */
final class Commands {

    private Commands() {
    }

    /** @param birthDate e.g. {@code 1970-05-01} */
    record ApplicationCommand(String group, String name, String sex, String birthDate, String phone) {
    }
}
