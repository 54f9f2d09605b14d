package org.civicdesk.directory;

import java.util.List;

/**
 * An account as an administrator or another module sends it; the directory checks every field.
 *
 * @param roles names of {@link org.civicdesk.shared.Role}s
 * @param personId the person in the directory who signs in with it, or {@code null}
 */
public record AccountCommand(String username, String password, String displayName, List<String> roles,
        String orgCode, Long personId) {
}
