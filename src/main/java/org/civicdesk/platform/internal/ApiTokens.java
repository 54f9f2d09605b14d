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
import java.util.List;
import java.util.Optional;

import org.civicdesk.directory.AccountCredentials;
import org.civicdesk.directory.TokenHolders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opaque bearer tokens for the API. The database keeps only their SHA-256, so any node can check
 * a token and a stolen table grants nothing. A token is checked against the database, in one
 * statement, by every request, or by the write of a call that confirms it there
 * ({@link org.civicdesk.shared.TokenConfirmedAtWrite}), so a token revoked on one node (an account
 * disabled, its password changed) is refused by every node at once.
 */
@Component
class ApiTokens {

    private final JdbcClient jdbc;
    private final TokenHolders holders;
    private final Clock clock;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, TokenHolders holders, Clock clock, SecuritySettings settings) {
        this.jdbc = jdbc;
        this.holders = holders;
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
                .param("h", hash(token)).param("a", accountId).param("now", now).param("exp", expires).update();
        jdbc.sql("DELETE FROM api_token WHERE expires_at < :now").param("now", now).update();
        return new Issued(token, expires);
    }

    /** The enabled account holding the unexpired token of this hash ({@link #hash(String)}). */
    Optional<AccountCredentials> holder(String tokenHash) {
        return holders.holder(tokenHash, OffsetDateTime.now(clock)).filter(AccountCredentials::enabled);
    }

    /** A token as an administrator sees it: never the token, nor its hash. */
    record Listed(long id, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
    }

    /** The account's tokens that have not expired, newest first. */
    List<Listed> active(long accountId) {
        return jdbc.sql("""
                SELECT id, created_at, expires_at FROM api_token WHERE account_id = :a AND expires_at > :now
                ORDER BY created_at DESC, id DESC""")
                .param("a", accountId).param("now", OffsetDateTime.now(clock)).query(Listed.class).list();
    }

    /** Revokes one token of the account; false if it has no such token. */
    boolean revoke(long accountId, long id) {
        return jdbc.sql("DELETE FROM api_token WHERE account_id = :a AND id = :id").param("a", accountId)
                .param("id", id).update() == 1;
    }

    /** Revokes the token itself, as its holder signing out. */
    void revoke(String token) {
        jdbc.sql("DELETE FROM api_token WHERE token_hash = :h").param("h", hash(token)).update();
    }

    /** Revokes every token of the account, in the caller's transaction. */
    void revokeAll(long accountId) {
        jdbc.sql("DELETE FROM api_token WHERE account_id = :a").param("a", accountId).update();
    }

    /** What the database keeps of a token: its SHA-256, in hex. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
