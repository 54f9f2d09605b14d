package org.civicdesk.directory.internal;

import java.util.List;

/** What a clerk or another system asks of the directory, as received; the service checks every field. */
final class Commands {

    private Commands() {
    }

    record OrgCommand(String code, String name, String kind, String parentCode, String district) {
    }

    record AccountCommand(String username, String password, String displayName, List<String> roles, String orgCode,
            Long personId) {
    }

    record PostCommand(String orgCode, String title) {
    }

    record PersonCommand(String name, String orgCode, String phone, String email, List<PostCommand> posts) {
    }
}
