package org.civicdesk.shared;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The person acting in a request: who they are, which organisation they act for and what
 * their roles allow. Data scoping (a handler sees only its own organisation's work) is decided
 * on the server from this, never from what the client sends.
 */
public record Actor(long accountId, String username, String displayName, String orgCode, Set<Role> roles) {

    /** Name recorded in the audit trail for work done by the system itself. */
    public static final String SYSTEM = "system";

    public Actor {
        roles = Set.copyOf(roles);
    }

    /** The system itself, for work nobody signed in does (the daily deadline watch). */
    public static Actor system() {
        return new Actor(0, SYSTEM, SYSTEM, null, Set.of());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Anything that carries an actor, such as the security principal of a signed-in account. */
    public interface Carrier {
        Actor actor();

        /**
         * When the actor last changed something, if it was read for this request with their
         * credentials (an API request's token check reads it); empty when it was not read.
         */
        default Optional<LastChange> lastChange() {
            return Optional.empty();
        }

        /**
         * The SHA-256 (hex) of the bearer token this request was let in with on what the node knew of
         * it, not read for this request: the handler of a {@link TokenConfirmedAtWrite} call confirms
         * it in its write. Empty when the token was read for this request, or there is none.
         */
        default Optional<String> tokenToConfirm() {
            return Optional.empty();
        }
    }

    public static Optional<Actor> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Carrier carrier) {
            return Optional.of(carrier.actor());
        }
        return Optional.empty();
    }

    /** The current actor's last change, when it was read with their credentials for this request. */
    public static Optional<LastChange> lastChangeRead() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Carrier carrier) {
            return carrier.lastChange();
        }
        return Optional.empty();
    }

    /** The current request's token to confirm at its write ({@link Carrier#tokenToConfirm()}). */
    public static Optional<String> tokenToConfirm() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Carrier carrier) {
            return carrier.tokenToConfirm();
        }
        return Optional.empty();
    }

    public static Actor require() {
        return current().orElseThrow(Problems::unauthenticated);
    }

    /** The name to record for whoever is acting now, the system when nobody is signed in. */
    public static String currentName() {
        return current().map(Actor::username).orElse(SYSTEM);
    }
}
