package org.civicdesk.platform.internal;

import java.io.IOException;
import java.util.List;

import org.civicdesk.shared.ProblemException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates a request that carries {@code Authorization: Bearer <token>}. A token that is
 * unknown, expired or revoked is answered 401 at once rather than treated as anonymous, so that a
 * client learns its token went bad instead of getting public data that looks like an answer.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final ApiTokens tokens;
    private final ProblemWriter problems;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(ApiTokens tokens, ProblemWriter problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    /** The token of an {@code Authorization: Bearer <token>} header. */
    static String token(String header) {
        return header.substring(PREFIX.length()).trim();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            chain.doFilter(request, response);
            return;
        }
        String token = token(header);
        var account = token.isEmpty() ? java.util.Optional.<org.civicdesk.directory.AccountCredentials>empty()
                : tokens.resolve(token);
        if (account.isEmpty()) {
            problems.write(request, response, new ProblemException(HttpStatus.UNAUTHORIZED, "INVALID_TOKEN",
                    "problem.invalidToken", List.of()));
            return;
        }
        CivicPrincipal principal = CivicPrincipal.forRequest(account.get());
        principal.eraseCredentials();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }

}
