package org.civicdesk.shared;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a one-time step, such as loading demo data into an empty database, exactly once however many
 * nodes start at the same moment: the step claims a marker row first, in the same transaction, and
 * a node that finds the marker taken does nothing.
 */
@Component
public class OnceOnly {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    OnceOnly(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** @return whether this call ran the step (false when it had run before) */
    public boolean run(String marker, Runnable step) {
        Boolean ran = tx.execute(status -> {
            try {
                jdbc.sql("INSERT INTO app_marker (name, created_at) VALUES (:name, :now)").param("name", marker)
                        .param("now", OffsetDateTime.now(clock)).update();
            } catch (DuplicateKeyException doneBefore) {
                status.setRollbackOnly();
                return false;
            }
            step.run();
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }
}
