package org.civicdesk.matters;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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
