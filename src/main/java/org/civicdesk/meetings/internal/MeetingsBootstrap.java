package org.civicdesk.meetings.internal;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo city's meetings once, after the directory's demo (order 0) has put the people in
 * place. Claiming the {@code demo.meetings} marker row first means that of several nodes starting
 * at once only one loads them, and a restart never loads them twice.
 */
@Component
@Order(10)
class MeetingsBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MeetingsBootstrap.class);
    private static final String MARKER = "demo.meetings";

    private final MeetingsDemo demo;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;

    MeetingsBootstrap(MeetingsDemo demo, JdbcClient jdbc, TransactionTemplate tx, Clock clock,
            @Value("${civicdesk.demo.enabled:false}") boolean enabled) {
        this.demo = demo;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        tx.executeWithoutResult(status -> {
            try {
                jdbc.sql("INSERT INTO app_marker (name, created_at) VALUES (:name, :now)").param("name", MARKER)
                        .param("now", OffsetDateTime.now(clock)).update();
            } catch (DuplicateKeyException loadedBefore) {
                status.setRollbackOnly();
                return;
            }
            demo.load();
            log.info("Loaded the demo city's meetings: the breakfast series (17 sessions), the NPC standing committee, "
                    + "the CPPCC chairs' meeting, the special-bond dispatch meeting and the trousers industry forum.");
        });
    }
}
