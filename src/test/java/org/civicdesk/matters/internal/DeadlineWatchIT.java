package org.civicdesk.matters.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.civicdesk.support.MutableClock;
import org.civicdesk.support.MutableClockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jayway.jsonpath.JsonPath;

@IntegrationTest
@Import(MutableClockConfiguration.class)
class DeadlineWatchIT {

    @Autowired
    Api api;

    @Autowired
    MutableClock clock;

    @Autowired
    DeadlineWatch watch;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void backToNow() {
        clock.set(OffsetDateTime.now().toString());
    }

    @Test
    void remindsTheDepartmentOnceThenEscalatesToSupervisorsOnce() throws Exception {
        clock.set(OffsetDateTime.now().toString());
        String supervisor = api.tokenFor("SUPERVISOR", null);
        String raiser = api.tokenFor("RAISER", null);
        String handler = api.tokenFor("HANDLER", "ZZ-HURD");
        clock.set("2024-03-01T09:00:00+08:00");
        String body = api.post("/api/v1/matters", raiser, "{\"type\":\"APPEAL\",\"title\":\"路灯不亮\",\"content\":\"c\"}")
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        String cases = api.post("/api/v1/matters/" + id + "/assignments", supervisor,
                "{\"lead\":\"ZZ-HURD\",\"dueDate\":\"2024-03-12\"}").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long caseId = ((Number) JsonPath.read(cases, "$.cases[0].id")).longValue();

        clock.set("2024-03-08T08:00:00+08:00");
        watch.run();
        watch.run();
        await().untilAsserted(() -> assertThat(count("DUE_SOON", caseId)).isEqualTo(1));
        assertThat(count("OVERDUE", caseId)).isZero();
        await().untilAsserted(() -> api.get("/api/v1/notifications", handler)
                .andExpect(jsonPath("$[*].caseId", hasItem((int) caseId))));

        clock.set("2024-03-13T08:00:00+08:00");
        watch.run();
        watch.run();
        await().untilAsserted(() -> assertThat(count("OVERDUE", caseId)).isEqualTo(1));
        await().untilAsserted(() -> api.get("/api/v1/notifications", supervisor)
                .andExpect(jsonPath("$[?(@.kind == 'OVERDUE')].caseId", hasItem((int) caseId))));
        api.get("/api/v1/matters/" + id, supervisor)
                .andExpect(jsonPath("$.events[*].kind", hasItem("NOTIFIED_OVERDUE")));
    }

    private long count(String kind, long caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE kind = :k AND case_id = :c").param("k", kind)
                .param("c", caseId).query(Long.class).single();
    }
}
