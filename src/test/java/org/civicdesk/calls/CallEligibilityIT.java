package org.civicdesk.calls;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.civicdesk.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Age on the day of applying, in the city's time zone, exactly at the boundary: "65岁以下" admits
 * a man until the day before his 65th birthday.
 */
@IntegrationTest
class CallEligibilityIT {

    @Autowired
    Api api;

    @Autowired
    MutableClock clock;

    @AfterEach
    void backToNow() {
        clock.set(OffsetDateTime.now().toString());
    }

    @Test
    void countsAgeOnTheDayOfApplyingInTheCitysTimeZone() throws Exception {
        String code = "c-" + Api.unique();
        api.post("/api/v1/calls", api.adminToken(), "{\"code\":\"" + code + "\",\"title\":\"合唱团\",\"groups\":["
                + "{\"code\":\"men\",\"quota\":5,\"sex\":\"M\",\"maxAge\":65},"
                + "{\"code\":\"youth\",\"quota\":5,\"minAge\":18}]}").andExpect(status().isCreated());
        // Half past midnight in Zhuzhou is still 27 February in UTC: the city's day is the one that counts.
        clock.set("2023-02-28T00:30:00+08:00");
        String path = "/api/v1/public/calls/" + code + "/applications";
        api.post(path, null, CallsApiIT.application("men", "M", "1958-02-28"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("NOT_ELIGIBLE"))
                .andExpect(jsonPath("$.errors[0].field").value("birthDate"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("65岁以下")));
        api.post(path, null, CallsApiIT.application("men", "M", "1958-03-01")).andExpect(status().isCreated());
        api.post(path, null, CallsApiIT.application("youth", "F", "2005-03-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("NOT_ELIGIBLE"));
        api.post(path, null, CallsApiIT.application("youth", "F", "2005-02-28", CallsApiIT.phone(2)))
                .andExpect(status().isCreated());
    }
}
