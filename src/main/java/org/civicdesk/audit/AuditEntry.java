package org.civicdesk.audit;

import java.time.Instant;

/** One appended entry of the audit trail, as stored. */
public record AuditEntry(long seq, Instant at, String actor, String action, String entityType, String entityId,
        String before, String after, String prevHash, String hash) {
}
