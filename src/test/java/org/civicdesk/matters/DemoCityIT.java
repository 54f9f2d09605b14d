package org.civicdesk.matters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.jayway.jsonpath.JsonPath;

/** The demo city shows by itself the figures the reporter counted by hand. */
@IntegrationTest
class DemoCityIT {

    @Autowired
    Api api;

    @Test
    void theBreakfastMeetingsRaised150ProblemsOfWhich147AreClosedAnd3InProgress() throws Exception {
        api.get("/api/v1/public/stats/matters?series=breakfast", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").value(150))
                .andExpect(jsonPath("$.closed").value(147))
                .andExpect(jsonPath("$.inProgress").value(3));
    }

    /**
     * The paper's three problems in progress are in progress today, wherever the demo runs: due in the
     * weeks ahead, not years overdue, and still raised at the breakfast meetings of October 2022.
     */
    @Test
    void theThreeProblemsInProgressAreDueAheadOfTodayNotYearsOverdue() throws Exception {
        api.get("/api/v1/public/stats/matters?series=breakfast", null).andExpect(jsonPath("$.overdue").value(0));
        String supervisor = api.token("supervisor", "civicdesk-demo");
        String body = api.get("/api/v1/matters?series=breakfast&status=IN_PROGRESS&size=10", supervisor)
                .andExpect(jsonPath("$.total").value(3)).andReturn().getResponse().getContentAsString();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<String> due = JsonPath.read(body, "$.items[*].nextDue");
        assertThat(due).hasSize(3).allSatisfy(d -> assertThat(LocalDate.parse(d)).isAfterOrEqualTo(today)
                .isBefore(today.plusMonths(2)));
        List<Boolean> overdue = JsonPath.read(body, "$.items[*].overdue");
        assertThat(overdue).containsOnly(false);
        List<String> raised = JsonPath.read(body, "$.items[*].raisedAt");
        assertThat(raised).allSatisfy(r -> assertThat(r).startsWith("2022-10-"));
    }

    @Test
    void theDeputies239SuggestionsBecame577Cases() throws Exception {
        api.get("/api/v1/public/stats/matters?series=npc-16", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").value(239))
                .andExpect(jsonPath("$.cases").value(577));
    }

    @Test
    void generatedRecordsAreMarkedAsExamplesAndTheNamedOnesAreNot() throws Exception {
        String supervisor = api.token("supervisor", "civicdesk-demo");
        api.get("/api/v1/matters?series=breakfast&q=土地收储", supervisor)
                .andExpect(jsonPath("$.items[0].example").value(false))
                .andExpect(jsonPath("$.items[0].status").value("CLOSED"));
        api.get("/api/v1/matters?series=npc-16&size=1", supervisor)
                .andExpect(jsonPath("$.items[0].example").value(true))
                .andExpect(jsonPath("$.total").value(239));
    }
}
