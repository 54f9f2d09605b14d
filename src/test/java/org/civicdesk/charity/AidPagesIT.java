package org.civicdesk.charity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import jakarta.servlet.http.Cookie;

/**
 * Aid and insurance on the web: the rules are public, a resident applies and follows the application,
 * the officer's queue puts favoured categories first, a pay button sent twice pays once, the
 * insurance shows its loss ratio, and the queue and the claims are paged and filtered.
 */
@IntegrationTest
class AidPagesIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aResidentAppliesSeesUnmetRulesAtOnceAndTheOfficerPaysOnce() throws Exception {
        api.mvc().perform(get("/public/charity/aid")).andExpect(status().isOk())
                .andExpect(content().string(containsString("大病救助（2023年）")))
                .andExpect(content().string(containsString("特困退役军人")))
                .andExpect(content().string(containsString("申请人须为本市户籍。")));
        Cookie resident = signIn("raiser");
        api.mvc().perform(get("/aid/programmes/ILLNESS-2023/apply").cookie(resident)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("applicantName"))));
        api.mvc().perform(post("/aid/programmes/ILLNESS-2023/applications").cookie(resident).with(csrf())
                .param("category", "LOW_INCOME").param("amountRequested", "x").param("key", Api.unique()))
                .andExpect(redirectedUrl("/aid/programmes/ILLNESS-2023/apply"));
        String key = Api.unique();
        String status = api.mvc().perform(post("/aid/programmes/ILLNESS-2023/applications").cookie(resident)
                .with(csrf()).param("category", "LOW_INCOME").param("amountRequested", "6000")
                .param("reason", "住院自付部分较多").param("insured", "true").param("key", key))
                .andExpect(redirectedUrlPattern("/aid/applications/*")).andReturn().getResponse().getRedirectedUrl();
        api.mvc().perform(get(status).cookie(resident)).andExpect(status().isOk())
                .andExpect(content().string(containsString("申请人须为本市户籍。")))
                .andExpect(content().string(not(containsString("charity.reason"))))
                .andExpect(content().string(not(containsString("review-heading"))));
        api.mvc().perform(get("/aid/applications").cookie(resident)).andExpect(status().isOk())
                .andExpect(content().string(containsString(status)));

        String eligible = api.mvc().perform(post("/aid/programmes/ILLNESS-2023/applications").cookie(resident)
                .with(csrf()).param("category", "LOW_INCOME").param("amountRequested", "6000")
                .param("reason", "住院自付部分较多").param("localHukou", "true").param("insured", "true")
                .param("key", Api.unique())).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(eligible.substring(eligible.lastIndexOf('/') + 1));
        api.mvc().perform(post("/charity/aid/applications/" + id + "/approve").cookie(resident).with(csrf()))
                .andExpect(status().isForbidden());

        Cookie officer = signIn("charity");
        // The favoured category comes first, on the first page however many wait; the resident's is found by name.
        String queue = api.mvc().perform(get("/charity/aid?status=SUBMITTED&programme=ILLNESS-2023").cookie(officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(queue).contains("复合型特困家庭（示例）");
        api.mvc().perform(get("/charity/aid?status=SUBMITTED&programme=ILLNESS-2023&q=raiser").cookie(officer))
                .andExpect(content().string(containsString("/aid/applications/" + id + "\"")));
        api.mvc().perform(post("/charity/aid/applications/" + id + "/decline").cookie(officer).with(csrf()))
                .andExpect(redirectedUrl("/aid/applications/" + id));
        api.mvc().perform(post("/charity/aid/applications/" + id + "/approve").cookie(officer).with(csrf())
                .param("amount", "5000")).andExpect(redirectedUrl("/aid/applications/" + id));
        String payKey = Api.unique();
        for (int i = 0; i < 2; i++) {
            api.mvc().perform(post("/charity/aid/applications/" + id + "/payment").cookie(officer).with(csrf())
                    .param("key", payKey)).andExpect(redirectedUrl("/aid/applications/" + id));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM aid_payment WHERE application_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
        api.mvc().perform(get("/aid/applications/" + id).cookie(resident)).andExpect(status().isOk())
                .andExpect(content().string(containsString("5,000.00")))
                .andExpect(content().string(containsString("救助金已支付。")));
        api.mvc().perform(get("/aid/applications/" + id).cookie(signIn("supervisor"))).andExpect(status().isForbidden());
    }

    @Test
    void theInsuranceShowsItsLossRatioInsurerAndWhoIsCovered() throws Exception {
        api.mvc().perform(get("/public/charity/disclosure?year=2022")).andExpect(status().isOk())
                .andExpect(content().string(containsString("112%")))
                .andExpect(content().string(containsString("城区市民，共 1,600,000 人")))
                .andExpect(content().string(containsString("报道未载明")));
        Cookie officer = signIn("charity");
        api.mvc().perform(get("/charity/insurance").cookie(officer)).andExpect(redirectedUrl("/charity/insurance/2022"));
        api.mvc().perform(get("/charity/insurance/2022?status=PAID").cookie(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("参保市民89（示例）")));
        api.mvc().perform(get("/charity/insurance/2022").cookie(signIn("raiser"))).andExpect(status().isForbidden());
    }

    /**
     * The officers' queue and a year's claims show fifty a page and narrow by applicant or claimant,
     * status and period; the pager's links keep the filter, and a bad filter is named beside its field.
     */
    @Test
    void theQueueAndTheClaimsPageThroughWhatTheFilterKeeps() throws Exception {
        String officer = api.tokenFor("CHARITY_OFFICER", null);
        String name = "pager-" + Api.unique();
        for (int i = 0; i < 51; i++) {
            api.postKeyed("/api/v1/aid/programmes/ILLNESS-2023/applications", officer, Api.unique(),
                    "{\"applicantName\":\"" + name + "\",\"category\":\"LOW_INCOME\",\"amountRequested\":\"100\","
                            + "\"reason\":\"test\"}").andExpect(status().isCreated());
            api.postKeyed("/api/v1/insurance/policies/2022/claims", officer, Api.unique(), "{\"claimant\":\"" + name
                    + "\",\"incident\":\"fell\",\"incidentOn\":\"2022-06-01\",\"amountClaimed\":\"100\"}")
                    .andExpect(status().isCreated());
        }
        for (String list : new String[] { "/charity/aid", "/charity/insurance/2022" }) {
            String first = page(list + "?q=" + name, officer, 200);
            assertThat(lines(first, name)).isEqualTo(50);
            assertThat(first).contains("第 1–50 条，共 51 条", "href=\"" + list + "?q=" + name + "&amp;page=1\"");
            assertThat(lines(page(list + "?q=" + name + "&page=1", officer, 200), name)).isEqualTo(1);
            assertThat(lines(page(list + "?q=" + name + "&status=PAID", officer, 200), name)).isZero();
            assertThat(lines(page(list + "?q=" + name + "&to=2022-05-31", officer, 200), name)).isZero();
            assertThat(page(list + "?q=" + name + "&status=LOST&from=yesterday", officer, 400))
                    .contains("id=\"status-error\"", "id=\"from-error\"", "href=\"#status\"")
                    .doesNotContain(">" + name + "</td>");
        }
        assertThat(page("/charity/aid?programme=NOPE", officer, 400)).contains("id=\"programme-error\"", "救助项目不存在。");
        assertThat(page("/charity/insurance/2022?from=2022-06-02&to=2022-06-01", officer, 400))
                .contains("id=\"to-error\"", "结束日期不能早于开始日期。");
    }

    /** How many lines of a list name the applicant or claimant. */
    private static int lines(String page, String name) {
        return page.split(">" + name + "</td>", -1).length - 1;
    }

    private String page(String path, String token, int status) throws Exception {
        return api.get(path, token).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    private Cookie signIn(String username) throws Exception {
        Cookie cookie = api.mvc().perform(formLogin().user(username).password("civicdesk-demo"))
                .andExpect(redirectedUrl("/desk")).andReturn().getResponse().getCookie("SESSION");
        assertThat(cookie).isNotNull();
        return cookie;
    }
}
