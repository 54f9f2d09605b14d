package org.civicdesk.open311.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civicdesk.audit.AuditTrail;
import org.civicdesk.directory.AccountCommand;
import org.civicdesk.directory.DirectoryCommands;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client systems that may submit Open311 requests. An administrator issues each a key, shown once and
 * kept only as its SHA-256, and may revoke it; each client raises its requests as a RAISER account of its
 * own, made with the key and given a password nobody is told, so that nobody signs in with it.
 */
@Service
class Open311Clients {

    private static final String KEY_PREFIX = "o311_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final DirectoryCommands directory;
    private final AuditTrail audit;
    private final Clock clock;

    Open311Clients(JdbcClient jdbc, DirectoryCommands directory, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** A client as the administrator sees it: the key's first characters, never the key. */
    record Client(long id, String name, String keyPrefix, String account, String issuedBy, OffsetDateTime issuedAt,
            String revokedBy, OffsetDateTime revokedAt) {

        public boolean active() {
            return revokedAt == null;
        }
    }

    record Issued(long id, String name, String apiKey) {
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Issued issue(String name) {
        new Checks().required("name", name).maxLength("name", name, 80).throwIfAny();
        String clientName = name.strip();
        String account = "open311-" + HexFormat.of().formatHex(random(5));
        directory.createAccount(new AccountCommand(account, encode(random(24)), "Open311 · " + clientName,
                List.of(Role.RAISER.name()), null, null));
        String apiKey = KEY_PREFIX + encode(random(32));
        jdbc.sql("""
                INSERT INTO open311_client (name, key_hash, key_prefix, account, issued_by, issued_at)
                VALUES (:name, :hash, :prefix, :account, :by, :at)""")
                .param("name", clientName).param("hash", hash(apiKey)).param("prefix", apiKey.substring(0, 9))
                .param("account", account).param("by", Actor.require().username()).param("at", OffsetDateTime.now(clock))
                .update();
        long id = idOf(apiKey);
        audit.record("open311.keyIssued", "open311_client", Long.toString(id), null,
                Map.of("name", clientName, "account", account, "keyPrefix", apiKey.substring(0, 9)));
        return new Issued(id, clientName, apiKey);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<Client> clients() {
        return jdbc.sql("SELECT * FROM open311_client ORDER BY revoked_at IS NOT NULL, issued_at DESC, id DESC")
                .query((rs, n) -> new Client(rs.getLong("id"), rs.getString("name"), rs.getString("key_prefix"),
                        rs.getString("account"), rs.getString("issued_by"),
                        rs.getObject("issued_at", OffsetDateTime.class), rs.getString("revoked_by"),
                        rs.getObject("revoked_at", OffsetDateTime.class)))
                .list();
    }

    /** Revoking twice is not an error: the key stays revoked from the first time. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void revoke(long id) {
        Client before = clients().stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> Problems.notFound("open311 client", id));
        if (!before.active()) {
            return;
        }
        jdbc.sql("UPDATE open311_client SET revoked_by = :by, revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                .param("by", Actor.require().username()).param("at", OffsetDateTime.now(clock)).param("id", id).update();
        audit.record("open311.keyRevoked", "open311_client", Long.toString(id), Map.of("name", before.name()), null);
    }

    /** The client holding this key, if the key was issued and is not revoked. */
    Optional<Holder> holder(String apiKey) {
        if (apiKey == null || !apiKey.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, account FROM open311_client WHERE key_hash = :hash AND revoked_at IS NULL")
                .param("hash", hash(apiKey)).query((rs, n) -> new Holder(rs.getLong("id"), rs.getString("account")))
                .optional();
    }

    /** A client with a valid key: its id and the account its requests are raised as. */
    record Holder(long clientId, String account) {
    }

    private long idOf(String apiKey) {
        return jdbc.sql("SELECT id FROM open311_client WHERE key_hash = :hash").param("hash", hash(apiKey))
                .query(Long.class).single();
    }

    private static byte[] random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return b;
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String apiKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
