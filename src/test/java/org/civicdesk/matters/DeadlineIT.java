package org.civicdesk.matters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.civicdesk.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.jayway.jsonpath.JsonPath;

/** Due dates on the official calendar of 2023, across the Spring Festival and National Day make-up days. */
@IntegrationTest
class DeadlineIT {

    @Autowired
    Api api;

    @Autowired
    MutableClock clock;

    @Autowired
    Clock injected;

    String supervisor;
    String raiser;
    String drc;

    @BeforeEach
    void people() throws Exception {
        clock.set(java.time.OffsetDateTime.now().toString());
        supervisor = api.tokenFor("SUPERVISOR", null);
        raiser = api.tokenFor("RAISER", null);
        drc = api.tokenFor("HANDLER", "ZZ-DRC");
    }

    @AfterEach
    void backToNow() {
        clock.set(java.time.OffsetDateTime.now().toString());
    }

    @Test
    void twentyWorkingDaysFromTheEveOfSpringFestivalCountTheMakeUpWeekend() throws Exception {
        clock.set("2023-01-20T10:00:00+08:00");
        String cases = assign(raise("PROBLEM"), "{\"lead\":\"ZZ-DRC\",\"co\":[\"ZZ-FIN\"]}");
        // 1/28 and 1/29 are make-up working days; 1/21-1/27 are the holiday.
        assertThat((String) JsonPath.read(cases, "$.cases[0].dueDate")).isEqualTo("2023-02-22");
        assertThat((String) JsonPath.read(cases, "$.cases[1].dueDate")).isEqualTo("2023-02-08");
    }

    @Test
    void threeMonthsThatEndInTheNationalDayHolidayMoveToTheMakeUpSaturday() throws Exception {
        clock.set("2023-07-01T09:00:00+08:00");
        String cases = assign(raise("SUGGESTION"), "{\"lead\":\"ZZ-DRC\",\"co\":[\"ZZ-FIN\"]}");
        assertThat((String) JsonPath.read(cases, "$.cases[0].dueDate")).isEqualTo("2023-10-07");
        assertThat((String) JsonPath.read(cases, "$.cases[1].dueDate")).isEqualTo("2023-08-01");
    }

    @Test
    void anUrgentMatterGetsTheFastTrack() throws Exception {
        clock.set("2023-09-27T09:00:00+08:00");
        String body = api.post("/api/v1/matters", raiser, "{\"type\":\"APPEAL\",\"title\":\"停水\",\"content\":\"小区停水\","
                + "\"urgent\":true}").andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        String cases = assign(id, "{\"lead\":\"ZZ-DRC\"}");
        // 3 working days after Wed 9/27: Thu 9/28, then the holiday 9/29-10/6, then Sat 10/7 and Sun 10/8 (make-up).
        assertThat((String) JsonPath.read(cases, "$.cases[0].dueDate")).isEqualTo("2023-10-08");
    }

    @Test
    void aCaseCanBeReturnedOnlyWithinItsWindow() throws Exception {
        clock.set("2023-01-20T10:00:00+08:00");
        String cases = assign(raise("PROBLEM"), "{\"lead\":\"ZZ-DRC\"}");
        long lead = ((Number) JsonPath.read(cases, "$.cases[0].id")).longValue();
        // The window of 3 working days ends on Monday 1/30, counting the make-up weekend.
        clock.set("2023-01-31T09:00:00+08:00");
        api.post("/api/v1/cases/" + lead + "/return", drc, "{\"reason\":\"非本单位职责\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("RETURN_WINDOW_CLOSED"));
        clock.set("2023-01-30T17:00:00+08:00");
        api.post("/api/v1/cases/" + lead + "/return", drc, "{\"reason\":\"非本单位职责\"}").andExpect(status().isOk());
    }

    @Test
    void casesPastTheirDueDateAreOverdueInTheStatistics() throws Exception {
        clock.set("2023-01-20T10:00:00+08:00");
        long id = raise("PROBLEM");
        assign(id, "{\"lead\":\"ZZ-DRC\"}");
        api.get("/api/v1/matters/" + id, supervisor).andExpect(jsonPath("$.overdue").value(false));
        clock.set("2023-02-23T09:00:00+08:00");
        api.get("/api/v1/matters/" + id, supervisor).andExpect(jsonPath("$.overdue").value(true))
                .andExpect(jsonPath("$.cases[0].overdue").value(true));
        api.get("/api/v1/cases?due=overdue", drc).andExpect(jsonPath("$.items[?(@.matterId == " + id + ")]").exists());
        assertThat(injected.instant()).isEqualTo(clock.instant());
    }

    private long raise(String type) throws Exception {
        String body = api.post("/api/v1/matters", raiser, "{\"type\":\"" + type + "\",\"title\":\"t\",\"content\":\"c\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private String assign(long id, String json) throws Exception {
        return api.post("/api/v1/matters/" + id + "/assignments", supervisor, json).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
    }
}
