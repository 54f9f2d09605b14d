package org.civicdesk.platform.internal;

import java.io.IOException;
import java.time.Clock;

import org.springframework.core.annotation.Order;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Ends a sign-in session {@code sessionMaxAge} after sign-in, however busy it has been. The time of
 * sign-in is kept in the session, which is in the database, so every node ends it at the same time.
 * It runs after Spring Session has read the session and before Spring Security reads who is signed in
 * from it, so the request that finds the session too old is already treated as signed out.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER + 10)
class SessionLifetimeFilter extends OncePerRequestFilter {

    private static final String SIGNED_IN_AT = SessionLifetimeFilter.class.getName() + ".signedInAt";

    private final long maxAgeMillis;
    private final Clock clock;

    SessionLifetimeFilter(SecuritySettings settings, Clock clock) {
        this.maxAgeMillis = settings.sessionMaxAge().toMillis();
        this.clock = clock;
    }

    /**
     * Notes the time of sign-in in the request's session. A session made before, for the sign-in
     * form's CSRF token, is older than the sign-in, and that time does not count; a session without a
     * sign-in holds nothing to protect and ends when idle.
     */
    void signedIn(HttpServletRequest request) {
        request.getSession().setAttribute(SIGNED_IN_AT, clock.millis());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            if (session.getAttribute(SIGNED_IN_AT) instanceof Long signedInAt
                    && clock.millis() - signedInAt > maxAgeMillis) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}
