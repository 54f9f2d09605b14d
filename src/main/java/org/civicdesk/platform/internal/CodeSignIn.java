package org.civicdesk.platform.internal;

import java.util.List;

import org.civicdesk.shared.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Signs a resident in with a code sent by SMS ({@link ResidentAccess#finishSignIn}) into the session
 * just as the password form does: a new session id and CSRF token against fixation, the security
 * context kept in the session, the time of sign-in noted for the session's lifetime.
 */
@Component
class CodeSignIn {

    private final ResidentAccess access;
    private final UserDetailsService users;
    private final SessionLifetimeFilter lifetime;
    private final AccountStatusUserDetailsChecker status = new AccountStatusUserDetailsChecker();
    private final SessionAuthenticationStrategy session = new CompositeSessionAuthenticationStrategy(List.of(
            new ChangeSessionIdAuthenticationStrategy(),
            new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository())));
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    CodeSignIn(ResidentAccess access, UserDetailsService users, SessionLifetimeFilter lifetime) {
        this.access = access;
        this.users = users;
        this.lifetime = lifetime;
    }

    /**
     * Uses the code and signs its account in; an account disabled since the code was sent is refused
     * as the password form refuses it, without saying why.
     */
    void signIn(String ticket, String code, HttpServletRequest request, HttpServletResponse response) {
        String username = access.finishSignIn(ticket, code);
        UserDetails user;
        try {
            user = users.loadUserByUsername(username);
            status.check(user);
        } catch (UsernameNotFoundException | AccountStatusException e) {
            throw new ProblemException(HttpStatus.CONFLICT, "SIGN_IN_REFUSED", "problem.signInRefused", List.of());
        }
        UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities());
        session.onAuthentication(signedIn, request, response);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        lifetime.signedIn(request);
    }
}
