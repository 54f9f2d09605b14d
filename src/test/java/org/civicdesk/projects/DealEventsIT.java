package org.civicdesk.projects;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.jayway.jsonpath.JsonPath;

/** Fairs and signing events as records: announced totals beside those of the deals recorded, and a page. */
@IntegrationTest
class DealEventsIT {

    @Autowired
    Api api;

    @Test
    void anEventIsRecordedAndItsDealsAddUpBesideWhatWasAnnounced() throws Exception {
        String supervisor = api.tokenFor("SUPERVISOR", null);
        String name = "对接会 " + Api.unique();
        String body = api.post("/api/v1/deal-events", supervisor, "{\"name\":\"" + name + "\",\"heldOn\":\"2023-03-01\","
                + "\"organiser\":\"省市场监管局\",\"announcedDeals\":2,\"announcedAmount\":\"300\",\"announcedLocal\":1}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.recorded.deals").value(0))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        api.post("/api/v1/deal-events", supervisor, "{\"name\":\"" + name + "\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("DUPLICATE"));
        api.post("/api/v1/deal-events", supervisor, "{\"name\":\" \",\"heldOn\":\"昨天\",\"announcedDeals\":1,"
                + "\"announcedLocal\":2,\"announcedAmount\":\"-5\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("name", "heldOn",
                        "announcedLocal", "announcedAmount")));
        String university = org("UNIVERSITY");
        String enterprise = org("ENTERPRISE");
        api.post("/api/v1/deal-events", api.tokenFor("HANDLER", enterprise), "{\"name\":\"x" + Api.unique() + "\"}")
                .andExpect(status().isForbidden());
        deal(supervisor, university, enterprise, "200", name);
        api.get("/api/v1/public/deal-events/" + id, null).andExpect(jsonPath("$.announcedDeals").value(2))
                .andExpect(jsonPath("$.recorded.deals").value(1)).andExpect(jsonPath("$.recorded.amount").value("200.00"))
                .andExpect(jsonPath("$.recorded.local").value(1));
        api.get("/public/deals/events/" + id, null).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"event-totals\"")))
                .andExpect(content().string(Matchers.containsString("省市场监管局")));
        api.get("/public/deals", null).andExpect(content().string(Matchers.containsString("/public/deals/events/" + id)));

        String unrecorded = "新活动 " + Api.unique();
        deal(supervisor, university, enterprise, "50", unrecorded);
        deal(supervisor, university, enterprise, "25", unrecorded);
        api.get("/api/v1/public/deal-events", null)
                .andExpect(jsonPath("$[?(@.name == '" + unrecorded + "')].recorded.deals").value(Matchers.contains(2)))
                .andExpect(jsonPath("$[?(@.name == '" + unrecorded + "')].heldOn").value(Matchers.contains("2023-03-02")));
        api.get("/api/v1/public/deals/stats?event=" + unrecorded, null).andExpect(jsonPath("$.deals").value(2))
                .andExpect(jsonPath("$.amount").value("75.00"));
        api.get("/api/v1/public/deal-events/999999999", null).andExpect(status().isNotFound());
    }

    private void deal(String token, String from, String to, String amount, String event) throws Exception {
        api.post("/api/v1/deals", token, "{\"title\":\"专利转让\",\"from\":[\"" + from + "\"],\"to\":[\"" + to
                + "\"],\"form\":\"TRANSFER\",\"amount\":\"" + amount + "\",\"event\":\"" + event
                + "\",\"signedOn\":\"2023-03-02\"}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.event").value(event));
    }

    private String org(String kind) throws Exception {
        String code = "ORG-" + Api.unique();
        api.post("/api/v1/orgs", api.adminToken(), "{\"code\":\"" + code + "\",\"name\":\"机构 " + code
                + "\",\"kind\":\"" + kind + "\"}").andExpect(status().isCreated());
        return code;
    }
}
