package org.civicdesk.audit;

import java.util.List;

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

    AuditVerification verify();

    List<AuditEntry> latest(int limit);

    List<AuditEntry> forEntity(String entityType, String entityId);
}
