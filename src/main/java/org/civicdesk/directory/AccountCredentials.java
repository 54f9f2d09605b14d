package org.civicdesk.directory;

import java.util.Set;

import org.civicdesk.shared.Actor;
import org.civicdesk.shared.LastChange;
import org.civicdesk.shared.Role;

/**
 * What sign-in needs to check an account's password and to know who is acting afterwards, and when
 * the account last changed something ({@link Directory#noteChange}).
 */
public record AccountCredentials(long id, String username, String passwordHash, String displayName, String orgCode,
        Set<Role> roles, boolean enabled, LastChange lastChange) {

    public Actor actor() {
        return new Actor(id, username, displayName, orgCode, roles);
    }
}
