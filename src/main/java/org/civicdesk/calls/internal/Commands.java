package org.civicdesk.calls.internal;

import java.util.List;

/** What organisers and applicants send, as received; the service checks every field. */
final class Commands {

    private Commands() {
    }

    record CallCommand(String code, String title, String description, String contact, List<GroupCommand> groups) {
    }

    /** @param maxAge exclusive, as a call prints it: 65 means "65岁以下", not yet 65 on the day of applying */
    record GroupCommand(String code, String name, Integer quota, String sex, Integer minAge, Integer maxAge) {
    }

    /** @param birthDate e.g. {@code 1970-05-01} */
    record ApplicationCommand(String group, String name, String sex, String birthDate, String phone) {
    }
}
