package org.civicdesk.notices.internal;

import org.civicdesk.notices.SearchRevision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Bumps the one {@code search_revision} row; the caller's transaction carries it. */
@Component
class JdbcSearchRevision implements SearchRevision {

    private final JdbcClient jdbc;

    JdbcSearchRevision(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void bump() {
        jdbc.sql("UPDATE search_revision SET revision = revision + 1 WHERE id = 1").update();
    }
}
