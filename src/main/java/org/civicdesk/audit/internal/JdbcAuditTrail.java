package org.civicdesk.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.civicdesk.audit.AuditEntry;
import org.civicdesk.audit.AuditTrail;
import org.civicdesk.audit.AuditVerification;
import org.civicdesk.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Hash chain on the database. Each append locks the single {@code audit_head} row, so appends
 * from several app nodes are serialised into one chain; the lock is held only until the
 * surrounding transaction commits.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    JdbcAuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, String entityId, Object before, Object after) {
        Head head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        long seq = head.seq() + 1;
        // Millisecond precision round-trips exactly through both databases' timestamp types.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String actor = Actor.currentName();
        String beforeJson = before == null ? null : json.writeValueAsString(before);
        String afterJson = after == null ? null : json.writeValueAsString(after);
        String hash = hash(seq, at, actor, action, entityType, entityId, beforeJson, afterJson, head.hash());
        jdbc.sql("""
                INSERT INTO audit_entry (seq, at, actor, action, entity_type, entity_id, before_state, after_state,
                                         prev_hash, hash)
                VALUES (:seq, :at, :actor, :action, :entityType, :entityId, :before, :after, :prevHash, :hash)""")
                .param("seq", seq).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("actor", actor)
                .param("action", action).param("entityType", entityType).param("entityId", entityId)
                .param("before", beforeJson).param("after", afterJson).param("prevHash", head.hash())
                .param("hash", hash).update();
        jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .param("seq", seq).param("hash", hash).update();
    }

    @Override
    @Transactional(readOnly = true)
    public AuditVerification verify() {
        Head head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        String expectedPrev = "0".repeat(64);
        long expectedSeq = 1;
        long count = 0;
        try (Stream<AuditEntry> entries = jdbc.sql("SELECT * FROM audit_entry ORDER BY seq").query(JdbcAuditTrail::entry)
                .stream()) {
            for (AuditEntry e : (Iterable<AuditEntry>) entries::iterator) {
                count++;
                String recomputed = hash(e.seq(), e.at(), e.actor(), e.action(), e.entityType(), e.entityId(),
                        e.before(), e.after(), e.prevHash());
                if (e.seq() != expectedSeq || !e.prevHash().equals(expectedPrev) || !recomputed.equals(e.hash())) {
                    return new AuditVerification(false, count, e.seq());
                }
                expectedPrev = e.hash();
                expectedSeq++;
            }
        }
        // An entry removed from the end leaves the head pointing past the stored chain.
        if (head.seq() != count || !head.hash().equals(expectedPrev)) {
            return new AuditVerification(false, count, count + 1);
        }
        return new AuditVerification(true, count, null);
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEntry> latest(int limit) {
        return jdbc.sql("SELECT * FROM audit_entry ORDER BY seq DESC LIMIT :limit").param("limit", limit)
                .query(JdbcAuditTrail::entry).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEntry> forEntity(String entityType, String entityId) {
        return jdbc.sql("SELECT * FROM audit_entry WHERE entity_type = :t AND entity_id = :id ORDER BY seq")
                .param("t", entityType).param("id", entityId).query(JdbcAuditTrail::entry).list();
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                rs.getString("before_state"), rs.getString("after_state"), rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    static String hash(long seq, Instant at, String actor, String action, String entityType, String entityId,
            String before, String after, String prevHash) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        // Length-prefixing every field keeps two different entries from ever hashing the same input.
        for (String part : new String[] { Long.toString(seq), Long.toString(at.toEpochMilli()), actor, action,
                entityType, entityId, before, after, prevHash }) {
            byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
            digest.update((part == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private record Head(long seq, String hash) {
    }
}
