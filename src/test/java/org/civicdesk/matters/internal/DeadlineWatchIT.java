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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jayway.jsonpath.JsonPath;

@IntegrationTest
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
        await().untilAsserted(() -> assertThat(count("OVERDUE", caseId))
                .as("the department and the supervisors are told, once each").isEqualTo(2));
        await().untilAsserted(() -> api.get("/api/v1/notifications", supervisor)
                .andExpect(jsonPath("$[?(@.kind == 'OVERDUE')].caseId", hasItem((int) caseId))));
        api.get("/api/v1/matters/" + id, supervisor)
                .andExpect(jsonPath("$.events[*].kind", hasItem("NOTIFIED_OVERDUE")));
    }

    @Test
    void aDeadlineThatMovesIsRemindedAndEscalatedAgain() throws Exception {
        clock.set(OffsetDateTime.now().toString());
        String supervisor = api.tokenFor("SUPERVISOR", null);
        String raiser = api.tokenFor("RAISER", null);
        String handler = api.tokenFor("HANDLER", "ZZ-AMR");
        clock.set("2024-04-01T09:00:00+08:00");
        String body = api.post("/api/v1/matters", raiser, "{\"type\":\"APPEAL\",\"title\":\"井盖松动\",\"content\":\"c\"}")
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        String cases = api.post("/api/v1/matters/" + id + "/assignments", supervisor,
                "{\"lead\":\"ZZ-AMR\",\"dueDate\":\"2024-04-10\"}").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long caseId = ((Number) JsonPath.read(cases, "$.cases[0].id")).longValue();

        clock.set("2024-04-08T08:00:00+08:00");
        watch.run();
        await().untilAsserted(() -> assertThat(count("DUE_SOON", caseId)).isEqualTo(1));

        api.post("/api/v1/cases/" + caseId + "/sign", handler, "").andExpect(status().isOk());
        api.post("/api/v1/cases/" + caseId + "/extension", handler, "{\"until\":\"2024-04-19\",\"reason\":\"需协调\"}")
                .andExpect(status().isOk());
        api.post("/api/v1/cases/" + caseId + "/extension/decision", supervisor, "{\"grant\":true}")
                .andExpect(status().isOk());
        clock.set("2024-04-11T08:00:00+08:00");
        watch.run();
        assertThat(count("OVERDUE", caseId)).as("the old due date passed, but the case is due later now").isZero();

        clock.set("2024-04-17T08:00:00+08:00");
        watch.run();
        watch.run();
        await().untilAsserted(() -> assertThat(count("DUE_SOON", caseId)).isEqualTo(2));
        clock.set("2024-04-22T08:00:00+08:00");
        watch.run();
        await().untilAsserted(() -> assertThat(count("OVERDUE", caseId))
                .as("the department and the supervisors are told, once each").isEqualTo(2));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_event WHERE case_id = :c AND kind = 'NOTIFIED_DUE_SOON'")
                .param("c", caseId).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theScheduledWatchRestsOnWeekendsAndHolidays() throws Exception {
        clock.set(OffsetDateTime.now().toString());
        String supervisor = api.tokenFor("SUPERVISOR", null);
        String raiser = api.tokenFor("RAISER", null);
        clock.set("2024-09-27T09:00:00+08:00");
        String body = api.post("/api/v1/matters", raiser, "{\"type\":\"APPEAL\",\"title\":\"路面塌陷\",\"content\":\"c\"}")
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        String cases = api.post("/api/v1/matters/" + id + "/assignments", supervisor,
                "{\"lead\":\"ZZ-CIVIL\",\"dueDate\":\"2024-09-30\"}").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long caseId = ((Number) JsonPath.read(cases, "$.cases[0].id")).longValue();
        // Called past the scheduled entry, whose lock outlasts a run by 10 s and would skip the second call.
        // 1 October 2024 is National Day, a holiday; 29 September a make-up working Sunday.
        clock.set("2024-10-01T08:00:00+08:00");
        watch.onWorkingDay();
        assertThat(alerts(caseId)).isZero();
        clock.set("2024-09-29T08:00:00+08:00");
        watch.onWorkingDay();
        assertThat(alerts(caseId)).isEqualTo(1);
    }

    private long alerts(long caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM case_alert WHERE case_id = :c").param("c", caseId).query(Long.class)
                .single();
    }

    private long count(String kind, long caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE kind = :k AND case_id = :c").param("k", kind)
                .param("c", caseId).query(Long.class).single();
    }
}
