package org.civicdesk.platform.internal;

import java.io.Serializable;
import java.time.Duration;

import org.civicdesk.directory.Contact;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in held back by the {@link LoginThrottle}: every attempt is counted before its
 * password is checked, and one over the limit is refused without checking it.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    /** An attempt refused by the throttle, with how long until another may be made. */
    static final class SignInHeld extends LockedException {

        private static final long serialVersionUID = 1L;

        private final transient Duration retryAfter;

        SignInHeld(Duration retryAfter) {
            super("Too many sign-in attempts");
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }

    /**
     * Where a sign-in came from, and how many attempts at the account failed since its last sign-in,
     * to be shown to the owner. Kept with the session's authentication, hence serializable.
     */
    record SignInDetails(String remoteAddress, int failedAttemptsSinceLastSignIn) implements Serializable {
    }

    /**
     * The username is read as {@link Contact#signInName} reads it, before it is counted or checked, so
     * that every way of writing a mobile number signs in to, and counts against, the one account.
     */
    @Override
    public Authentication authenticate(Authentication typed) {
        String username = Contact.signInName(typed.getName());
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken
                .unauthenticated(username, typed.getCredentials());
        authentication.setDetails(typed.getDetails());
        String source = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress()
                : null;
        LoginThrottle.Admission admission = throttle.admit(username, source);
        if (!admission.admitted()) {
            throw new SignInHeld(admission.retryAfter());
        }
        Authentication result;
        try {
            result = delegate.authenticate(authentication);
        } catch (BadCredentialsException | AccountStatusException e) {
            throttle.failed(username, source);
            throw e;
        }
        int failed = throttle.succeeded(username, source);
        UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken
                .authenticated(result.getPrincipal(), result.getCredentials(), result.getAuthorities());
        signedIn.setDetails(new SignInDetails(source, failed));
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
