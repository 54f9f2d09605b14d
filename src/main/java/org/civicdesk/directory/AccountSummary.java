package org.civicdesk.directory;

import java.util.Set;

import org.civicdesk.shared.Role;

/** An account without its secret: who signs in, for which organisation, with which roles. */
public record AccountSummary(String username, String displayName, Set<Role> roles, String orgCode, boolean enabled) {
}
