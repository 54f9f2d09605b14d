package org.civicdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.civicdesk.support.Api;
import org.civicdesk.support.AuditChain;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AuditTrailIT {

    @Autowired
    Api api;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void reportsAnIntactChainThroughTheApi() throws Exception {
        String admin = api.adminToken();
        api.post("/api/v1/orgs", admin, "{\"code\":\"A-" + Api.unique() + "\",\"name\":\"n\",\"kind\":\"OTHER\"}");
        AuditChain.awaitChained(jdbc);
        long entries = jdbc.sql("SELECT COUNT(*) FROM audit_entry").query(Long.class).single();
        api.get("/api/v1/audit/verify", admin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.entries").value(greaterThanOrEqualTo((int) entries)));
        api.get("/api/v1/audit/verify", api.tokenFor("SUPERVISOR", null)).andExpect(status().isForbidden());
    }

    /**
     * A change records its entry while a chainer holds the head of the chain: it never waits for it, and
     * its entry joins the chain once the chainer is done.
     */
    @Test
    void aChangeDoesNotWaitForTheChainer() throws Exception {
        String admin = api.adminToken();
        String code = "W-" + Api.unique();
        try (HeldHead head = new HeldHead()) {
            api.post("/api/v1/orgs", admin, "{\"code\":\"" + code + "\",\"name\":\"n\",\"kind\":\"OTHER\"}")
                    .andExpect(status().isCreated());
            assertThat(head.stillHeld()).as("the change committed while the chainer still held the head").isTrue();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_pending WHERE entity_id = :id").param("id", code)
                    .query(Long.class).single()).isEqualTo(1);
        }
        AuditChain.awaitChained(jdbc);
        assertThat(trail.verify().intact()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_id = :id").param("id", code)
                .query(Long.class).single()).isEqualTo(1);
    }

    /**
     * Reading and verifying the trail never wait for whoever holds the head of the chain, nor does
     * asking for a checkpoint: that is refused as busy, signs nothing, and is signed once the head is free.
     */
    @Test
    void readingVerifyingAndAskingForACheckpointDoNotWaitForTheChainer() throws Exception {
        String admin = api.adminToken();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (HeldHead head = new HeldHead()) {
            Future<Boolean> read = reader.submit(() -> {
                trail.latest(10);
                return trail.verify().intact();
            });
            assertThat(read.get(30, TimeUnit.SECONDS)).isTrue();
            long checkpoints = jdbc.sql("SELECT COUNT(*) FROM audit_checkpoint").query(Long.class).single();
            api.post("/api/v1/audit/checkpoints", admin, "").andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("AUDIT_CHAIN_BUSY"));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_checkpoint").query(Long.class).single())
                    .isEqualTo(checkpoints);
        } finally {
            reader.shutdown();
        }
        api.post("/api/v1/audit/checkpoints", admin, "").andExpect(status().isCreated());
    }

    /** Holds the head of the chain in a transaction of another thread, as a chainer does, until closed. */
    private final class HeldHead implements AutoCloseable {

        private final CountDownLatch release = new CountDownLatch(1);
        private final ExecutorService thread = Executors.newSingleThreadExecutor();
        private final AtomicBoolean done = new AtomicBoolean();
        private final Future<?> holder;

        HeldHead() throws InterruptedException {
            CountDownLatch held = new CountDownLatch(1);
            holder = thread.submit(() -> transactions.executeWithoutResult(status -> {
                jdbc.sql("SELECT last_seq FROM audit_head WHERE id = 1 FOR UPDATE").query(Long.class).single();
                held.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.set(true);
            }));
            held.await();
        }

        boolean stillHeld() {
            return !done.get();
        }

        @Override
        public void close() throws Exception {
            release.countDown();
            holder.get();
            thread.shutdown();
        }
    }

    @Test
    void chainsConcurrentAppendsIntoOneLine() throws Exception {
        String admin = api.adminToken();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        for (int i = 0; i < 24; i++) {
            pool.submit(() -> {
                api.post("/api/v1/orgs", admin, "{\"code\":\"CC-" + Api.unique() + "\",\"name\":\"n\",\"kind\":\"OTHER\"}")
                        .andExpect(status().isCreated());
                return null;
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(trail.verify().intact()).isTrue();
    }
}
