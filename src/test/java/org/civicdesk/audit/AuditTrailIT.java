package org.civicdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class AuditTrailIT {

    @Autowired
    Api api;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Test
    void reportsAnIntactChainThroughTheApi() throws Exception {
        String admin = api.adminToken();
        api.post("/api/v1/orgs", admin, "{\"code\":\"A-" + Api.unique() + "\",\"name\":\"n\",\"kind\":\"OTHER\"}");
        long entries = jdbc.sql("SELECT COUNT(*) FROM audit_entry").query(Long.class).single();
        api.get("/api/v1/audit/verify", admin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.entries").value(entries));
        api.get("/api/v1/audit/verify", api.tokenFor("SUPERVISOR", null)).andExpect(status().isForbidden());
    }

    @Test
    void detectsAStoredRowThatWasEdited() throws Exception {
        String admin = api.adminToken();
        String code = "T-" + Api.unique();
        api.post("/api/v1/orgs", admin, "{\"code\":\"" + code + "\",\"name\":\"真名\",\"kind\":\"OTHER\"}");
        long seq = jdbc.sql("SELECT seq FROM audit_entry WHERE entity_id = :id").param("id", code).query(Long.class)
                .single();
        String original = jdbc.sql("SELECT after_state FROM audit_entry WHERE seq = :seq").param("seq", seq)
                .query(String.class).single();
        assertThat(trail.verify().intact()).isTrue();
        try {
            jdbc.sql("UPDATE audit_entry SET after_state = :forged WHERE seq = :seq")
                    .param("forged", original.replace("真名", "假名")).param("seq", seq).update();
            AuditVerification broken = trail.verify();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.firstBrokenSeq()).isEqualTo(seq);
            api.get("/api/v1/audit/verify", admin).andExpect(jsonPath("$.intact").value(false));
        } finally {
            jdbc.sql("UPDATE audit_entry SET after_state = :original WHERE seq = :seq").param("original", original)
                    .param("seq", seq).update();
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void detectsARemovedLastEntry() throws Exception {
        String admin = api.adminToken();
        api.post("/api/v1/orgs", admin, "{\"code\":\"L-" + Api.unique() + "\",\"name\":\"n\",\"kind\":\"OTHER\"}");
        var last = jdbc.sql("SELECT * FROM audit_entry ORDER BY seq DESC LIMIT 1").query().singleRow();
        try {
            jdbc.sql("DELETE FROM audit_entry WHERE seq = :seq").param("seq", last.get("seq")).update();
            assertThat(trail.verify().intact()).isFalse();
        } finally {
            jdbc.sql("""
                    INSERT INTO audit_entry (seq, at, actor, action, entity_type, entity_id, before_state, after_state,
                                             prev_hash, hash)
                    VALUES (:seq, :at, :actor, :action, :entity_type, :entity_id, :before_state, :after_state,
                            :prev_hash, :hash)""").params(last).update();
        }
        assertThat(trail.verify().intact()).isTrue();
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
