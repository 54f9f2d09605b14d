package org.civicdesk.directory;

import java.time.Instant;

/**
 * An account was changed: what it may do or who may sign in as it is no longer what it was. Published
 * in the transaction of the change, so that whatever stands for the account elsewhere (API tokens,
 * sign-in sessions) is revoked with it.
 *
 * @param disabled it may no longer sign in
 * @param passwordChanged its password was changed
 * @param rolesChanged its roles or its organisation changed
 */
public record AccountChanged(long accountId, String username, boolean disabled, boolean passwordChanged,
        boolean rolesChanged, Instant at) {

    /** Whether whoever holds a token or a session of the account may no longer be taken for it. */
    public boolean revokesCredentials() {
        return disabled || passwordChanged;
    }

    /**
     * Whether its sign-in sessions must end: a session keeps the roles it began with, where a token's
     * are read anew on every request.
     */
    public boolean endsSessions() {
        return revokesCredentials() || rolesChanged;
    }
}
