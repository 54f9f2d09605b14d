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
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Hash chain on the database, written without waiting on the request path. {@link #record} adds the
 * entry to {@code audit_pending} in the caller's transaction, so the action and its entry commit
 * together or not at all, and then offers to chain: if no other transaction holds the single
 * {@code audit_head} row ({@code SKIP LOCKED}), it takes it and moves every pending entry it can see,
 * its own included, into {@code audit_entry} with their sequence numbers and hashes, in the order of
 * their ids; if another does, it leaves its entry for that one, for the next change, or for the round
 * every node runs each second. Nothing ever waits for the head: reading and verifying chain only if
 * the head is free and otherwise take the chain as it stands, so a request never waits for another's
 * audit entry, on one node or many, and a change made alone is chained as it commits.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate chaining;

    JdbcAuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.chaining = new TransactionTemplate(transactions);
        this.chaining.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, String entityId, Object before, Object after) {
        // Millisecond precision round-trips exactly through both databases' timestamp types.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        jdbc.sql("""
                INSERT INTO audit_pending (at, actor, action, entity_type, entity_id, before_state, after_state)
                VALUES (:at, :actor, :action, :entityType, :entityId, :before, :after)""")
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("actor", Actor.currentName())
                .param("action", action).param("entityType", entityType).param("entityId", entityId)
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after)).update();
        while (chainBatch()) {
            // chain on while a full batch was taken: more may be waiting
        }
    }

    /** Chains what is pending, unless another transaction is chaining now: that one, or the next round, will. */
    void chainIfFree() {
        while (Boolean.TRUE.equals(chaining.execute(status -> chainBatch()))) {
            // chain on while a full batch was taken: more may be waiting
        }
    }

    @Scheduled(fixedDelayString = "PT1S", initialDelayString = "PT1S")
    void scheduled() {
        chainIfFree();
    }

    /** Chains up to a batch of pending entries if no other chainer holds the head; whether the batch was full. */
    private boolean chainBatch() {
        Head head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE SKIP LOCKED")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional().orElse(null);
        if (head == null) {
            return false;
        }
        List<Pending> pending = jdbc.sql("SELECT * FROM audit_pending ORDER BY id LIMIT :batch")
                .param("batch", BATCH)
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"),
                        rs.getString("entity_id"), rs.getString("before_state"), rs.getString("after_state")))
                .list();
        long seq = head.seq();
        String prev = head.hash();
        for (Pending p : pending) {
            seq++;
            String hash = hash(seq, p.at(), p.actor(), p.action(), p.entityType(), p.entityId(), p.before(),
                    p.after(), prev);
            jdbc.sql("""
                    INSERT INTO audit_entry (seq, at, actor, action, entity_type, entity_id, before_state, after_state,
                                             prev_hash, hash)
                    VALUES (:seq, :at, :actor, :action, :entityType, :entityId, :before, :after, :prevHash, :hash)""")
                    .param("seq", seq).param("at", OffsetDateTime.ofInstant(p.at(), ZoneOffset.UTC))
                    .param("actor", p.actor()).param("action", p.action()).param("entityType", p.entityType())
                    .param("entityId", p.entityId()).param("before", p.before()).param("after", p.after())
                    .param("prevHash", prev).param("hash", hash).update();
            jdbc.sql("DELETE FROM audit_pending WHERE id = :id").param("id", p.id()).update();
            prev = hash;
        }
        if (!pending.isEmpty()) {
            jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                    .param("seq", seq).param("hash", prev).update();
        }
        return pending.size() == BATCH;
    }

    private record Pending(long id, Instant at, String actor, String action, String entityType, String entityId,
            String before, String after) {
    }

    /**
     * Checks the chain as it stands, after chaining what is pending if no chainer is at work, without
     * holding the head: the entries up to the head read, since a chainer writes its entries and moves
     * the head in one transaction.
     */
    @Override
    public AuditVerification verify() {
        chainIfFree();
        return chaining.execute(status -> verifyChained());
    }

    private AuditVerification verifyChained() {
        Head head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        String expectedPrev = "0".repeat(64);
        long expectedSeq = 1;
        long count = 0;
        try (Stream<AuditEntry> entries = jdbc.sql("SELECT * FROM audit_entry WHERE seq <= :last ORDER BY seq")
                .param("last", head.seq()).query(JdbcAuditTrail::entry).stream()) {
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
    public List<AuditEntry> latest(int limit) {
        chainIfFree();
        return jdbc.sql("SELECT * FROM audit_entry ORDER BY seq DESC LIMIT :limit").param("limit", limit)
                .query(JdbcAuditTrail::entry).list();
    }

    @Override
    public List<AuditEntry> forEntity(String entityType, String entityId) {
        chainIfFree();
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
