package org.civicdesk.platform.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.civicdesk.directory.AccountCredentials;
import org.civicdesk.directory.Directory;
import org.civicdesk.shared.Changes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opaque bearer tokens for the API. The database keeps only their SHA-256, so any node can check
 * a token and a stolen table grants nothing; disabling an account revokes its tokens.
 */
@Component
class ApiTokens {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Clock clock;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();
    private final Changes changes;
    private final Map<String, Known> tokens = new ConcurrentHashMap<>();

    /** The {@link Changes} topic of changes to accounts that tokens stand for. */
    static final String ACCOUNTS = Directory.ACCOUNTS_CHANGED;
    private static final int MAX_KEPT = 10_000;
    /** Read anew after a minute at the latest, should an account be changed past the app (in SQL). */
    private static final Duration MAX_AGE = Duration.ofMinutes(1);

    ApiTokens(JdbcClient jdbc, Directory directory, Clock clock,
            SecuritySettings settings, Changes changes) {
        this.changes = changes;
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
        this.ttl = settings.tokenTtl();
    }

    record Issued(String token, OffsetDateTime expiresAt) {
    }

    Issued issue(long accountId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expires = now.plus(ttl);
        jdbc.sql("INSERT INTO api_token (token_hash, account_id, created_at, expires_at) VALUES (:h, :a, :now, :exp)")
                .param("h", sha256(token)).param("a", accountId).param("now", now).param("exp", expires).update();
        jdbc.sql("DELETE FROM api_token WHERE expires_at < :now").param("now", now).update();
        return new Issued(token, expires);
    }

    /**
     * The enabled account holding this unexpired token. Kept on this node per token until the token
     * expires or an account changes anywhere (the {@link Changes} topic {@value #ACCOUNTS}, which
     * disabling an account marks): on the node that disabled it at once, on the others when
     * PostgreSQL delivers the notice, within milliseconds; and a minute at most in any case, for changes
     * made past the app. Unknown tokens are never kept.
     */
    Optional<AccountCredentials> resolve(String token) {
        String hash = sha256(token);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long version = changes.version(ACCOUNTS);
        Known known = known(hash, version, now);
        if (known != null) {
            return Optional.of(known.account());
        }
        Optional<AccountCredentials> account = directory.credentialsForToken(hash, now)
                .filter(AccountCredentials::enabled);
        if (account.isPresent()) {
            Optional<OffsetDateTime> expires = jdbc.sql("SELECT expires_at FROM api_token WHERE token_hash = :h")
                    .param("h", hash).query(OffsetDateTime.class).optional();
            if (expires.isPresent()) {
                if (tokens.size() >= MAX_KEPT) {
                    tokens.clear();
                }
                // Kept without the password hash, which a request never needs.
                AccountCredentials a = account.get();
                AccountCredentials kept = new AccountCredentials(a.id(), a.username(), null, a.displayName(),
                        a.orgCode(), a.roles(), a.enabled());
                tokens.merge(hash, new Known(kept, expires.get(), version, now),
                        (old, fresh) -> old.version() > fresh.version() ? old : fresh);
            }
        }
        return account;
    }

    private Known known(String hash, long version, OffsetDateTime now) {
        Known known = tokens.get(hash);
        return known != null && known.version() >= version && known.expiresAt().isAfter(now)
                && known.readAt().isAfter(now.minus(MAX_AGE)) ? known : null;
    }

    private record Known(AccountCredentials account, OffsetDateTime expiresAt, long version, OffsetDateTime readAt) {
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
