package org.civicdesk.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Audit entries join the hash chain moments after their change commits, by the chainer's round; a
 * test that reads {@code audit_entry} right after a change waits for that first.
 */
public final class AuditChain {

    private AuditChain() {
    }

    public static void awaitChained(JdbcClient jdbc) {
        Eventually.await("every audit entry chained",
                () -> jdbc.sql("SELECT COUNT(*) FROM audit_pending").query(Long.class).single() == 0);
    }
}
