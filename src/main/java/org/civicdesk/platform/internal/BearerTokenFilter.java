package org.civicdesk.platform.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.civicdesk.directory.AccountCredentials;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.TokenConfirmedAtWrite;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates a request that carries {@code Authorization: Bearer <token>}. A token that is
 * unknown, expired or revoked is answered 401 at once rather than treated as anonymous, so that a
 * client learns its token went bad instead of getting public data that looks like an answer.
 * <p>
 * The token is looked up in the database for every request, except for the calls a module declares
 * {@link TokenConfirmedAtWrite}: those may go on with the holder this node resolved for the same
 * token moments before, and their write confirms the token. What the node keeps of a token serves
 * only to spare that round trip; it decides nothing, so it need not be shared with other nodes.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";
    /** How long a holder resolved here may let in a call confirmed at its write: long enough for a burst. */
    private static final Duration RECENT = Duration.ofMinutes(1);

    private final ApiTokens tokens;
    private final ProblemWriter problems;
    private final List<RequestMatcher> confirmedAtWrite;
    private final Cache<String, AccountCredentials> recent = Caffeine.newBuilder().expireAfterWrite(RECENT)
            .maximumSize(10_000).build();
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(ApiTokens tokens, ProblemWriter problems, List<TokenConfirmedAtWrite> confirmedAtWrite) {
        this.tokens = tokens;
        this.problems = problems;
        this.confirmedAtWrite = confirmedAtWrite.stream()
                .map(call -> (RequestMatcher) PathPatternRequestMatcher.withDefaults()
                        .matcher(HttpMethod.valueOf(call.method()), call.pattern()))
                .toList();
    }

    /**
     * Keeps a holder read from the database once a call it made has succeeded, so a holder that was
     * refused (a role it lacked then) is never let in on an old reading; forgets one the write refused
     * (the token revoked, the role gone), so the next request reads it again.
     */
    private void remember(String hash, AccountCredentials holder, boolean fromRecent, int status) {
        if (status == HttpServletResponse.SC_UNAUTHORIZED || status == HttpServletResponse.SC_FORBIDDEN) {
            recent.invalidate(hash);
        } else if (!fromRecent && status < 300) {
            // Without the password's hash, which nothing let in this way needs.
            recent.put(hash, new AccountCredentials(holder.id(), holder.username(), null, holder.displayName(),
                    holder.orgCode(), holder.roles(), holder.enabled(), holder.lastChange()));
        }
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
        if (token.isEmpty()) {
            problems.write(request, response, Problems.invalidToken());
            return;
        }
        String hash = ApiTokens.hash(token);
        boolean confirmedLater = confirmedAtWrite.stream().anyMatch(call -> call.matches(request));
        AccountCredentials known = confirmedLater ? recent.getIfPresent(hash) : null;
        AccountCredentials holder = known;
        if (holder == null) {
            Optional<AccountCredentials> account = tokens.holder(hash);
            if (account.isEmpty()) {
                problems.write(request, response, Problems.invalidToken());
                return;
            }
            holder = account.get();
        }
        CivicPrincipal principal = known != null ? CivicPrincipal.toConfirm(known, hash)
                : CivicPrincipal.forRequest(holder);
        principal.eraseCredentials();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
            if (confirmedLater) {
                remember(hash, holder, known != null, response.getStatus());
            }
        }
    }
}
