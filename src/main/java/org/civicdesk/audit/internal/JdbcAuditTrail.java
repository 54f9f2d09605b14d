package org.civicdesk.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.civicdesk.audit.AuditCheckpoint;
import org.civicdesk.audit.AuditEntry;
import org.civicdesk.audit.AuditTrail;
import org.civicdesk.audit.AuditVerification;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Problems;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Hash chain on the database, anchored outside it. {@link #record} adds the entry to
 * {@code audit_pending} in the caller's transaction, so the action and its entry commit together or
 * not at all, and takes no lock: a request never waits for another's audit entry. A single chainer at
 * a time (whichever node's round holds the {@code audit_head} row, taken with {@code SKIP LOCKED})
 * moves the committed entries into the hash chain of {@code audit_entry}, in the order it finds them
 * committed, several times a second, and signs a checkpoint of the chain soon after it grew (and at
 * least daily, and on demand) with a key the database does not hold. Verification recomputes the chain
 * and checks it against every signed checkpoint and against the copy of the latest checkpoint this
 * node has kept, so neither rewriting entries and their hashes nor removing a checkpoint passes unseen.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

    private static final int BATCH = 500;
    private static final int CHECKPOINT_PAGE = 1000;
    private static final int CHECKPOINT_ATTEMPTS = 100;
    private static final Duration CHECKPOINT_RETRY = Duration.ofMillis(20);
    private static final String ZEROS = "0".repeat(64);
    /** A checkpoint is signed at least this often, even when nothing changed, to show the chain still stands. */
    private static final Duration DAILY = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final JsonMapper json;
    private final Clock clock;
    private final CheckpointSigner signer;
    private final CheckpointWitness witness;
    private final Duration checkpointEvery;
    private final TransactionTemplate separate;
    private final TransactionTemplate joined;

    JdbcAuditTrail(JdbcClient jdbc, JdbcTemplate batches, JsonMapper json, Clock clock, PlatformTransactionManager transactions,
            CheckpointSigner signer, CheckpointWitness witness, AuditSettings settings) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
        this.clock = clock;
        this.signer = signer;
        this.witness = witness;
        this.checkpointEvery = settings.checkpointEvery();
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.joined = new TransactionTemplate(transactions);
    }

    /** The caller's transaction must be there, checked without a proxy: every audited change in every module passes here. */
    @Override
    public void record(String action, String entityType, String entityId, Object before, Object after) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("An audit entry is recorded in the transaction of its change");
        }
        // Millisecond precision round-trips exactly through both databases' timestamp types.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        jdbc.sql("""
                INSERT INTO audit_pending (at, actor, action, entity_type, entity_id, before_state, after_state)
                VALUES (:at, :actor, :action, :entityType, :entityId, :before, :after)""")
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("actor", Actor.currentName())
                .param("action", action).param("entityType", entityType).param("entityId", entityId)
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after)).update();
    }

    @Scheduled(fixedDelayString = "PT0.2S", initialDelayString = "PT1S")
    void scheduled() {
        chainIfFree();
    }

    /**
     * Chains what is pending and signs a checkpoint when one is due, unless another chainer holds the
     * head now: that one, or the next round, will.
     */
    void chainIfFree() {
        Round round;
        do {
            round = round(false);
        } while (round.more());
    }

    /**
     * One round of the chainer, if the head is free ({@code SKIP LOCKED}): nobody ever waits for the
     * head, neither a change nor someone reading, verifying or asking for a checkpoint.
     */
    private Round round(boolean signNow) {
        Round round = separate.execute(status -> {
            Head head = lockHead("FOR UPDATE SKIP LOCKED");
            if (head == null) {
                return new Round(false, false, null);
            }
            ChainedTo chained = chainBatch(head);
            if (chained.full()) {
                return new Round(true, true, null);
            }
            AuditCheckpoint last = lastCheckpoint();
            return new Round(true, false, signNow ? sign(chained.head(), last) : checkpointIfDue(chained.head(), last));
        });
        if (round.signed() != null) {
            witness.remember(round.signed());
        }
        return round;
    }

    /** Whether the round took the head, whether a full batch left more to chain, and what it signed. */
    private record Round(boolean taken, boolean more, AuditCheckpoint signed) {
    }

    private record ChainedTo(Head head, boolean full) {
    }

    private Head lockHead(String lock) {
        return jdbc.sql("SELECT last_seq, last_hash, chain_id FROM audit_head WHERE id = 1 " + lock)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3))).optional().orElse(null);
    }

    /** Chains up to a batch of pending entries onto the head the caller holds. */
    private ChainedTo chainBatch(Head head) {
        List<Pending> pending = jdbc.sql("SELECT * FROM audit_pending ORDER BY id LIMIT :batch")
                .param("batch", BATCH)
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"),
                        rs.getString("entity_id"), rs.getString("before_state"), rs.getString("after_state")))
                .list();
        long seq = head.seq();
        String prev = head.hash();
        List<Object[]> entries = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            seq++;
            String hash = hash(seq, p.at(), p.actor(), p.action(), p.entityType(), p.entityId(), p.before(),
                    p.after(), prev);
            entries.add(new Object[] { seq, OffsetDateTime.ofInstant(p.at(), ZoneOffset.UTC), p.actor(), p.action(),
                    p.entityType(), p.entityId(), p.before(), p.after(), prev, hash });
            prev = hash;
        }
        if (!pending.isEmpty()) {
            // One round trip for the batch's entries and one for the pending rows it moved, not two per entry.
            batches.batchUpdate("""
                    INSERT INTO audit_entry (seq, at, actor, action, entity_type, entity_id, before_state, after_state,
                                             prev_hash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", entries);
            jdbc.sql("DELETE FROM audit_pending WHERE id IN (:ids)")
                    .param("ids", pending.stream().map(Pending::id).toList()).update();
            jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                    .param("seq", seq).param("hash", prev).update();
        }
        return new ChainedTo(new Head(seq, prev, head.chainId()), pending.size() == BATCH);
    }

    private record Pending(long id, Instant at, String actor, String action, String entityType, String entityId,
            String before, String after) {
    }

    /** Signs a checkpoint if the chain grew since the last one a while ago, or a day has passed. */
    private AuditCheckpoint checkpointIfDue(Head head, AuditCheckpoint last) {
        if (head.seq() == 0) {
            return null;
        }
        if (last != null) {
            Duration age = Duration.between(last.signedAt(), clock.instant());
            boolean grown = head.seq() > last.seq();
            if (!(grown && age.compareTo(checkpointEvery) >= 0) && age.compareTo(DAILY) < 0) {
                return null;
            }
        }
        return sign(head, last);
    }

    /** Signs the chain as it stands at the head the caller holds. */
    private AuditCheckpoint sign(Head head, AuditCheckpoint last) {
        String chainId = head.chainId();
        if (chainId == null) {
            chainId = UUID.randomUUID().toString();
            jdbc.sql("UPDATE audit_head SET chain_id = :chain WHERE id = 1").param("chain", chainId).update();
        }
        AuditCheckpoint unsigned = new AuditCheckpoint(last == null ? 1 : last.no() + 1, chainId, head.seq(),
                head.hash(), last == null ? ZEROS : link(last), clock.instant().truncatedTo(ChronoUnit.MILLIS),
                signer.keyId(), null);
        AuditCheckpoint signed = new AuditCheckpoint(unsigned.no(), chainId, unsigned.seq(), unsigned.entryHash(),
                unsigned.prevHash(), unsigned.signedAt(), unsigned.keyId(), signer.sign(unsigned.statement()));
        jdbc.sql("""
                INSERT INTO audit_checkpoint (no, chain_id, seq, entry_hash, prev_hash, signed_at, key_id, signature)
                VALUES (:no, :chain, :seq, :hash, :prev, :at, :key, :signature)""")
                .param("no", signed.no()).param("chain", chainId).param("seq", signed.seq())
                .param("hash", signed.entryHash()).param("prev", signed.prevHash())
                .param("at", OffsetDateTime.ofInstant(signed.signedAt(), ZoneOffset.UTC))
                .param("key", signed.keyId()).param("signature", signed.signature()).update();
        return signed;
    }

    /** What the next checkpoint states of this one: its statement and signature, hashed. */
    static String link(AuditCheckpoint checkpoint) {
        return sha256(CheckpointWitness.text(checkpoint));
    }

    private AuditCheckpoint lastCheckpoint() {
        return jdbc.sql("SELECT * FROM audit_checkpoint ORDER BY no DESC LIMIT 1").query(JdbcAuditTrail::checkpointRow)
                .optional().orElse(null);
    }

    /**
     * Signs in a round of its own once the head is free: the chainer holds it for milliseconds at a
     * time, so a few tries are enough, and a request never queues on the head's lock.
     */
    @Override
    public AuditCheckpoint checkpoint() {
        for (int attempt = 0; attempt < CHECKPOINT_ATTEMPTS; attempt++) {
            Round round;
            do {
                round = round(true);
            } while (round.more());
            if (round.taken()) {
                return round.signed();
            }
            try {
                Thread.sleep(CHECKPOINT_RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw Problems.conflict("AUDIT_CHAIN_BUSY", "audit.problem.busy");
    }

    @Override
    public List<AuditCheckpoint> checkpoints(long afterNo, int limit) {
        return jdbc.sql("SELECT * FROM audit_checkpoint WHERE no > :after ORDER BY no LIMIT :limit")
                .param("after", afterNo).param("limit", limit).query(JdbcAuditTrail::checkpointRow).list();
    }

    @Override
    public Map<String, String> signingKeys() {
        return signer.publicKeys();
    }

    /**
     * Checks the chain as it stands, after chaining what is pending if no chainer is at work, without
     * holding the head: the entries up to the head read, since a chainer writes its entries and moves
     * the head in one transaction. It runs in the caller's transaction when there is one, so that it
     * sees what that transaction changed. The latest checkpoint of a chain found intact is kept by the
     * witness afterwards.
     */
    @Override
    public AuditVerification verify() {
        chainIfFree();
        Confirmed confirmed = new Confirmed(witness.latest().orElse(null));
        AuditVerification result = joined.execute(status -> verifyChained(confirmed));
        if (result.intact() && confirmed.last != null) {
            witness.remember(confirmed.last);
        }
        return result;
    }

    private AuditVerification verifyChained(Confirmed confirmed) {
        Head head = lockHead("");
        Checkpoints checkpoints = new Checkpoints();
        AuditCheckpoint cp = checkpoints.next();
        String expectedPrev = ZEROS;
        String expectedLink = ZEROS;
        long expectedSeq = 1;
        long count = 0;
        long signedThrough = 0;
        try (Stream<AuditEntry> entries = jdbc.sql("SELECT * FROM audit_entry WHERE seq <= :last ORDER BY seq")
                .param("last", head.seq()).query(JdbcAuditTrail::entry).stream()) {
            for (AuditEntry e : (Iterable<AuditEntry>) entries::iterator) {
                count++;
                String recomputed = hash(e.seq(), e.at(), e.actor(), e.action(), e.entityType(), e.entityId(),
                        e.before(), e.after(), e.prevHash());
                if (e.seq() != expectedSeq || !e.prevHash().equals(expectedPrev) || !recomputed.equals(e.hash())) {
                    return broken(count, Math.min(e.seq(), expectedSeq), confirmed.count, signedThrough, "ENTRY_ALTERED");
                }
                if (cp != null && cp.seq() < e.seq()) {
                    return broken(count, signedThrough + 1, confirmed.count, signedThrough, "CHECKPOINT_MISMATCH");
                }
                while (cp != null && cp.seq() == e.seq()) {
                    String problem = checkpointProblem(cp, confirmed.count + 1, expectedLink, head.chainId(), e.hash());
                    if (problem != null) {
                        return broken(count, signedThrough + 1, confirmed.count, signedThrough, problem);
                    }
                    confirmed.add(cp);
                    expectedLink = link(cp);
                    signedThrough = e.seq();
                    cp = checkpoints.next();
                }
                expectedPrev = e.hash();
                expectedSeq++;
            }
        }
        // An entry removed from the end leaves the head, or a checkpoint, pointing past the stored chain.
        if (head.seq() != count || !head.hash().equals(expectedPrev) || cp != null) {
            return broken(count, count + 1, confirmed.count, signedThrough, "ENTRIES_MISSING");
        }
        String witnessed = witnessProblem(confirmed);
        if (witnessed != null) {
            return broken(count, null, confirmed.count, signedThrough, witnessed);
        }
        return new AuditVerification(true, count, null, confirmed.count, signedThrough, null);
    }

    private String checkpointProblem(AuditCheckpoint cp, long expectedNo, String expectedLink, String chainId,
            String entryHash) {
        if (cp.no() != expectedNo || !cp.prevHash().equals(expectedLink)) {
            return "CHECKPOINT_MISSING";
        }
        if (!cp.chainId().equals(chainId) || !signer.verify(cp.keyId(), cp.statement(), cp.signature())) {
            return "CHECKPOINT_SIGNATURE";
        }
        return cp.entryHash().equals(entryHash) ? null : "CHECKPOINT_MISMATCH";
    }

    /** The checkpoint this node kept must still be in the database, unchanged. */
    private static String witnessProblem(Confirmed confirmed) {
        return confirmed.kept == null || confirmed.keptFound ? null : "CHECKPOINT_MISSING";
    }

    /** What verification has confirmed of the checkpoints so far, without holding them all. */
    private static final class Confirmed {

        private final CheckpointWitness.Kept kept;
        private long count;
        private AuditCheckpoint last;
        private boolean keptFound;

        Confirmed(CheckpointWitness.Kept kept) {
            this.kept = kept;
        }

        void add(AuditCheckpoint checkpoint) {
            count++;
            last = checkpoint;
            if (kept != null && kept.no() == checkpoint.no()) {
                keptFound = CheckpointWitness.text(checkpoint).equals(kept.text());
            }
        }
    }

    private static AuditVerification broken(long entries, Long firstBrokenSeq, long checkpoints, long signedThrough,
            String problem) {
        return new AuditVerification(false, entries, firstBrokenSeq, checkpoints, signedThrough, problem);
    }

    /** The stored checkpoints in order, read a page at a time. */
    private final class Checkpoints {

        private List<AuditCheckpoint> page = List.of();
        private int index;
        private long lastNo;
        private boolean exhausted;

        AuditCheckpoint next() {
            if (index == page.size()) {
                if (exhausted) {
                    return null;
                }
                page = checkpoints(lastNo, CHECKPOINT_PAGE);
                index = 0;
                exhausted = page.size() < CHECKPOINT_PAGE;
                if (page.isEmpty()) {
                    return null;
                }
            }
            AuditCheckpoint cp = page.get(index++);
            lastNo = cp.no();
            return cp;
        }
    }

    @Override
    public List<AuditEntry> latest(int limit) {
        return jdbc.sql("SELECT * FROM audit_entry ORDER BY seq DESC LIMIT :limit").param("limit", limit)
                .query(JdbcAuditTrail::entry).list();
    }

    @Override
    public List<AuditEntry> latest(Filter filter, long offset, int limit) {
        return filtered(jdbc.sql("SELECT * FROM audit_entry" + where(filter) + " ORDER BY seq DESC LIMIT :limit OFFSET :offset"),
                filter).param("limit", limit).param("offset", offset).query(JdbcAuditTrail::entry).list();
    }

    @Override
    public long count(Filter filter) {
        return filtered(jdbc.sql("SELECT COUNT(*) FROM audit_entry" + where(filter)), filter).query(Long.class).single();
    }

    private static String where(Filter filter) {
        List<String> terms = new ArrayList<>();
        if (present(filter.actor())) {
            terms.add("LOWER(actor) = :actor");
        }
        if (present(filter.entityType())) {
            terms.add("entity_type = :entityType");
        }
        if (present(filter.action())) {
            terms.add("(action = :action OR action LIKE :actionPrefix)");
        }
        return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec sql, Filter filter) {
        if (present(filter.actor())) {
            sql = sql.param("actor", filter.actor().trim().toLowerCase(Locale.ROOT));
        }
        if (present(filter.entityType())) {
            sql = sql.param("entityType", filter.entityType().trim());
        }
        if (present(filter.action())) {
            String action = filter.action().trim();
            sql = sql.param("action", action).param("actionPrefix", action.replace("%", "").replace("_", "") + ".%");
        }
        return sql;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    @Override
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

    private static AuditCheckpoint checkpointRow(ResultSet rs, int row) throws SQLException {
        return new AuditCheckpoint(rs.getLong("no"), rs.getString("chain_id"), rs.getLong("seq"),
                rs.getString("entry_hash"), rs.getString("prev_hash"),
                rs.getObject("signed_at", OffsetDateTime.class).toInstant(), rs.getString("key_id"),
                rs.getString("signature"));
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

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Head(long seq, String hash, String chainId) {
    }
}
