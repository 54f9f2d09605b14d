package org.civicdesk.shared;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Does a piece of work as an account that is not signed in to this request (the demo city's accounts,
 * an Open311 client system's account), as the modules find the acting person in the security context,
 * and puts back whoever acted before.
 */
public final class ActingAs {

    private ActingAs() {
    }

    public static <T> T as(Actor actor, Supplier<T> work) {
        List<SimpleGrantedAuthority> authorities = actor.roles().stream().map(Role::authority)
                .map(SimpleGrantedAuthority::new).toList();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Acting(actor), null,
                authorities));
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    public static void as(Actor actor, Runnable work) {
        as(actor, () -> {
            work.run();
            return null;
        });
    }

    /** The account acting, as the modules find it in the security context. */
    private record Acting(Actor actor) implements Actor.Carrier, AuthenticatedPrincipal {

        @Override
        public String getName() {
            return actor.username();
        }
    }
}
