package org.civicdesk.platform.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.civicdesk.shared.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

    record Token(String token, OffsetDateTime expiresAt) {
    }

    @PostMapping("/token")
    @Operation(summary = "Exchange a username and password for a bearer token")
    Token token(@Valid @RequestBody Credentials credentials) {
        Authentication result;
        try {
            result = authentication.authenticate(UsernamePasswordAuthenticationToken
                    .unauthenticated(credentials.username().trim(), credentials.password()));
        } catch (LockedException e) {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS", "problem.locked", List.of());
        } catch (DisabledException e) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "ACCOUNT_DISABLED", "problem.disabled", List.of());
        } catch (AuthenticationException e) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS", "problem.badCredentials", List.of());
        }
        CivicPrincipal principal = (CivicPrincipal) result.getPrincipal();
        ApiTokens.Issued issued = tokens.issue(principal.actor().accountId());
        return new Token(issued.token(), issued.expiresAt());
    }
}
