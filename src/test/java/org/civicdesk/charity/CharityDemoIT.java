package org.civicdesk.charity;

import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo's 2022 figures add up exactly to what the Zhuzhou Daily reported. */
@IntegrationTest
class CharityDemoIT {

    @Autowired
    Api api;

    @Test
    void theFederationsTwentyTwentyTwoAddsUpToThePapersTotals() throws Exception {
        api.get("/api/v1/public/campaigns/99GD-2022", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.raised").value("15926000.00"));
        api.get("/api/v1/public/campaigns/99GD-2022/days", null).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].day").value(contains("2022-09-07", "2022-09-08", "2022-09-09")))
                .andExpect(jsonPath("$[*].donations").value(contains(67, 67, 66)))
                .andExpect(jsonPath("$[*].newDonors").value(contains(67, 67, 66)));
        api.get("/api/v1/public/campaigns/ZZ-2022/disclosures", null)
                .andExpect(jsonPath("$[*].from").value(contains("2022-01-01", "2022-04-01", "2022-07-01", "2022-10-01")))
                .andExpect(jsonPath("$[3].to").value("2022-12-31")).andExpect(jsonPath("$[3].running").value(false));
        api.get("/api/v1/public/charity/disclosure/2022", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.raised").value("26744900.00"))
                .andExpect(jsonPath("$.aidPaid").value("28738100.00"))
                .andExpect(jsonPath("$.insurance.insuredPeople").value(1600000))
                .andExpect(jsonPath("$.insurance.premium").value("1300000.00"))
                .andExpect(jsonPath("$.insurance.claims").value(89))
                .andExpect(jsonPath("$.insurance.claimsPaid").value("1459300.00"))
                .andExpect(jsonPath("$.insurance.lossRatio").value(112))
                .andExpect(jsonPath("$.insurance.coverage").value("城区市民"))
                .andExpect(jsonPath("$.includesExamples").value(true));
        String officer = api.token("charity", "civicdesk-demo");
        api.get("/api/v1/aid/programmes", officer)
                .andExpect(jsonPath("$[?(@.code == 'ILLNESS-2023')].favouredCategories[0]").value("MULTIPLE_HARDSHIP"));
        api.get("/api/v1/donations?campaign=99GD-2022", officer).andExpect(jsonPath("$[0].example").value(true));
        api.get("/api/v1/aid/applications?programme=AID-2022&status=PAID", officer)
                .andExpect(jsonPath("$.length()").value(80));
        api.get("/api/v1/insurance/policies/2022/claims?status=PAID", officer)
                .andExpect(jsonPath("$.length()").value(89));
    }
}
