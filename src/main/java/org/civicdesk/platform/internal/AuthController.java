package org.civicdesk.platform.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.civicdesk.shared.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class AuthController {

    private final AuthenticationManager authentication;
    private final ApiTokens tokens;

    AuthController(AuthenticationManager authentication, ApiTokens tokens) {
        this.authentication = authentication;
        this.tokens = tokens;
    }

    record Credentials(@NotBlank(message = "{validation.required}") String username,
            @NotBlank(message = "{validation.required}") String password) {
    }

    /**
     * A new token, and how many sign-ins at the account failed since it last signed in, so that its
     * owner learns of guessing at it.
     */
    record Token(String token, OffsetDateTime expiresAt, int failedAttemptsSinceLastSignIn) {
    }

    /**
     * A wrong password, an unknown username and a disabled account are answered alike, so that no one
     * learns which accounts exist or are disabled.
     */
    @PostMapping("/token")
    @Operation(summary = "Exchange a username and password for a bearer token")
    Token token(@Valid @RequestBody Credentials credentials, HttpServletRequest request,
            HttpServletResponse response) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken
                .unauthenticated(credentials.username().trim(), credentials.password());
        attempt.setDetails(new WebAuthenticationDetails(request));
        Authentication result;
        try {
            result = authentication.authenticate(attempt);
        } catch (ThrottledAuthenticationProvider.SignInHeld e) {
            // Rounded up: a client that waits the whole seconds it is told must find the hold over.
            long seconds = e.retryAfter().plusNanos(999_999_999).toSeconds();
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, seconds)));
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS", "problem.locked", List.of());
        } catch (AuthenticationException e) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS", "problem.badCredentials", List.of());
        }
        CivicPrincipal principal = (CivicPrincipal) result.getPrincipal();
        ApiTokens.Issued issued = tokens.issue(principal.actor().accountId());
        int failed = result.getDetails() instanceof ThrottledAuthenticationProvider.SignInDetails details
                ? details.failedAttemptsSinceLastSignIn()
                : 0;
        return new Token(issued.token(), issued.expiresAt(), failed);
    }

    /** Signs out a client: the token it presents is refused from now on, on every node. */
    @DeleteMapping("/token")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke the bearer token of this request (sign out)")
    void revoke(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        tokens.revoke(BearerTokenFilter.token(authorization));
    }
}
