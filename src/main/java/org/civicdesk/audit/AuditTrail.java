package org.civicdesk.audit;

import java.util.List;
import java.util.Map;

/**
 * Appends to and reads the audit trail. Modules call {@link #record} inside the transaction
 * that changes state, so an action and its audit entry are committed together or not at all.
 */
public interface AuditTrail {

    /**
     * Appends an entry for an action of the current actor.
     *
     * @param action what was done, e.g. {@code org.created}
     * @param entityType the kind of thing acted on, e.g. {@code org}
     * @param entityId its identifier
     * @param before its state before, or {@code null} when it was created
     * @param after its state after, or {@code null} when it was removed
     */
    void record(String action, String entityType, String entityId, Object before, Object after);

    /**
     * Checks the chain as it stands against itself, its signed checkpoints and the latest checkpoint
     * this node has witnessed before.
     */
    AuditVerification verify();

    /** Signs a checkpoint of the chain as it stands now (on demand, besides the regular ones). */
    AuditCheckpoint checkpoint();

    /** The signed checkpoints after number {@code afterNo}, oldest first, as published. */
    List<AuditCheckpoint> checkpoints(long afterNo, int limit);

    /** The public keys that checkpoints may be signed with, by key id, as Base64 of the raw Ed25519 key. */
    Map<String, String> signingKeys();

    List<AuditEntry> latest(int limit);

    /** A page of the entries that {@code filter} lets through, latest first. */
    List<AuditEntry> latest(Filter filter, long offset, int limit);

    /** How many entries {@code filter} lets through. */
    long count(Filter filter);

    /**
     * Which entries a reader looks for; a blank part lets every entry through.
     *
     * @param actor the username of who acted
     * @param entityType the kind of thing acted on, e.g. {@code org}
     * @param action what was done, or the start of it up to a dot: {@code matter} finds {@code matter.accepted}
     */
    record Filter(String actor, String entityType, String action) {
    }

    List<AuditEntry> forEntity(String entityType, String entityId);
}
