package org.civicdesk.charity;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.concurrent.Callable;

import org.civicdesk.shared.ReplayableClock;
import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A campaign's figures beyond its totals, counted from the ledger: donations and new donors each day
 * (the Giving-Day comparison), and the three-monthly disclosure of a campaign longer than six months.
 */
@IntegrationTest
class CampaignFiguresIT {

    @Autowired
    Api api;

    String officer;
    String tag;

    /** Signs in on the latest day the test replays, so that the token is valid on every day before it. */
    @BeforeEach
    void signIn() {
        officer = on("2048-12-31", () -> api.tokenFor("CHARITY_OFFICER", null));
        tag = Api.unique();
    }

    @Test
    void eachDayCountsItsGiftsAndTheDonorsNewOnIt() throws Exception {
        String code = campaign("2048-09-07", "2048-09-09");
        on("2048-09-07", () -> {
            give(code, "10", "甲" + tag);
            give(code, "20", "甲" + tag);
            give(code, "30", "乙" + tag);
            return give(code, "5", null);
        });
        on("2048-09-08", () -> {
            give(code, "1", "甲" + tag);
            return give(code, "2", "丙" + tag);
        });
        api.get("/api/v1/public/campaigns/" + code + "/days", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].day").value("2048-09-07")).andExpect(jsonPath("$[0].donations").value(4))
                .andExpect(jsonPath("$[0].newDonors").value(3)).andExpect(jsonPath("$[0].raised").value("65.00"))
                .andExpect(jsonPath("$[1].donations").value(2)).andExpect(jsonPath("$[1].newDonors").value(1))
                .andExpect(jsonPath("$[2].day").value("2048-09-09")).andExpect(jsonPath("$[2].donations").value(0))
                .andExpect(jsonPath("$[2].newDonors").value(0));
        api.get("/api/v1/public/campaigns/" + code, null).andExpect(jsonPath("$.donations").value(6))
                .andExpect(jsonPath("$.donors").value(4));
        api.get("/api/v1/public/campaigns/" + code + "/disclosures", null).andExpect(jsonPath("$.length()").value(0));
        api.get("/public/charity/campaigns/" + code, null).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"campaign-days\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("甲" + tag))));
        api.get("/api/v1/public/campaigns/NO-" + tag + "/days", null).andExpect(status().isNotFound());
    }

    @Test
    void aCampaignLongerThanSixMonthsDisclosesEachThreeMonths() throws Exception {
        String code = campaign("2047-01-01", "2047-12-31");
        on("2047-02-01", () -> give(code, "100", "丁" + tag));
        on("2047-05-01", () -> give(code, "50", null));
        on("2047-05-20", () -> {
            api.get("/api/v1/public/campaigns/" + code + "/disclosures", null)
                    .andExpect(jsonPath("$.length()").value(2))
                    .andExpect(jsonPath("$[0].running").value(false)).andExpect(jsonPath("$[1].running").value(true))
                    .andExpect(jsonPath("$[1].raised").value("50.00"));
            return null;
        });
        on("2048-01-15", () -> {
            api.get("/api/v1/public/campaigns/" + code + "/disclosures", null)
                    .andExpect(jsonPath("$.length()").value(4))
                    .andExpect(jsonPath("$[0].from").value("2047-01-01")).andExpect(jsonPath("$[0].to").value("2047-03-31"))
                    .andExpect(jsonPath("$[0].raised").value("100.00")).andExpect(jsonPath("$[0].donations").value(1))
                    .andExpect(jsonPath("$[3].to").value("2047-12-31")).andExpect(jsonPath("$[3].raised").value("0.00"))
                    .andExpect(jsonPath("$[*].running").value(Matchers.everyItem(Matchers.is(false))));
            api.get("/public/charity/campaigns/" + code, null)
                    .andExpect(content().string(Matchers.containsString("id=\"campaign-periods\"")))
                    .andExpect(content().string(Matchers.containsString("2048-03-31")));
            return null;
        });
        String sixMonths = campaign("2047-01-01", "2047-06-30");
        on("2047-08-01", () -> api.get("/api/v1/public/campaigns/" + sixMonths + "/disclosures", null)
                .andExpect(jsonPath("$.length()").value(0)));
    }

    private String campaign(String startsOn, String endsOn) throws Exception {
        String code = "FIG-" + tag + "-" + startsOn.substring(0, 4) + endsOn.substring(5, 7);
        api.post("/api/v1/campaigns", officer, "{\"code\":\"" + code + "\",\"name\":\"测试募捐\",\"startsOn\":\""
                + startsOn + "\",\"endsOn\":\"" + endsOn + "\"}").andExpect(status().isCreated());
        return code;
    }

    private Object give(String campaign, String amount, String donor) throws Exception {
        String who = donor == null ? "\"anonymous\":true" : "\"donorName\":\"" + donor + "\"";
        return api.postKeyed("/api/v1/donations", officer, "k-" + Api.unique(), "{\"campaign\":\"" + campaign
                + "\",\"amount\":\"" + amount + "\"," + who + "}").andExpect(status().isCreated());
    }

    private static <T> T on(String day, Callable<T> work) {
        return ReplayableClock.at(OffsetDateTime.parse(day + "T10:00:00+08:00").toInstant(), () -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
