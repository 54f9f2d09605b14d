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

/** The charity pages keep the API's rules: officers keep the ledger, the public sees totals without names. */
@IntegrationTest
class CharityPagesIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void showsThePublicPagesWithoutDonorNames() throws Exception {
        api.mvc().perform(get("/public/charity")).andExpect(status().isOk())
                .andExpect(content().string(containsString("2022年“99公益日”网络众筹")));
        api.mvc().perform(get("/public/charity/campaigns/99GD-2022")).andExpect(status().isOk())
                .andExpect(content().string(containsString("1592.6万元")))
                .andExpect(content().string(not(containsString("第1批"))));
        api.mvc().perform(get("/public/charity/disclosure?year=2022")).andExpect(status().isOk())
                .andExpect(content().string(containsString("2674.49万元")))
                .andExpect(content().string(containsString("1,600,000")));
        api.mvc().perform(get("/public/charity/campaigns/NO-SUCH")).andExpect(status().isNotFound());
    }

    @Test
    void keepsTheLedgerToOfficersAndCountsADoubleSubmittedFormOnce() throws Exception {
        String admin = api.adminToken();
        String username = "r-" + Api.unique();
        api.post("/api/v1/accounts", admin, "{\"username\":\"" + username + "\",\"password\":\"secret-pass-1\","
                + "\"displayName\":\"居民\",\"roles\":[\"RAISER\"]}");
        Cookie raiser = signIn(username, "secret-pass-1");
        api.mvc().perform(get("/charity/donations").cookie(raiser)).andExpect(status().isForbidden());
        long before = count();
        api.mvc().perform(post("/charity/donations").cookie(raiser).with(csrf()).param("campaign", "99GD-2022")
                .param("amount", "5").param("key", Api.unique())).andExpect(status().isForbidden());
        assertThat(count()).isEqualTo(before);

        String code = "P-" + Api.unique();
        api.post("/api/v1/campaigns", api.token("charity", "civicdesk-demo"), "{\"code\":\"" + code
                + "\",\"name\":\"页面测试\"}").andExpect(status().isCreated());
        Cookie officer = signIn("charity", "civicdesk-demo");
        api.mvc().perform(get("/charity/campaigns").cookie(officer)).andExpect(status().isOk());
        api.mvc().perform(post("/charity/donations").cookie(officer).with(csrf()).param("campaign", code)
                .param("amount", "abc").param("key", Api.unique())).andExpect(redirectedUrl("/charity/donations/new"));
        api.mvc().perform(get("/charity/donations/new").cookie(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")));
        assertThat(count()).isEqualTo(before);

        String key = Api.unique();
        for (int i = 0; i < 2; i++) {
            api.mvc().perform(post("/charity/donations").cookie(officer).with(csrf()).param("campaign", code)
                    .param("amount", "8.80").param("donorName", "不愿具名者").param("anonymous", "true").param("key", key))
                    .andExpect(redirectedUrlPattern("/charity/donations/*/receipt"));
        }
        assertThat(count()).isEqualTo(before + 1);
        long id = jdbc.sql("SELECT id FROM charity_donation WHERE idempotency_key = :k").param("k", key)
                .query(Long.class).single();
        api.mvc().perform(get("/charity/donations/" + id + "/receipt").cookie(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("匿名")))
                .andExpect(content().string(containsString("捌元捌角整")));
        api.mvc().perform(get("/charity/donations").cookie(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("不愿具名者")));
        api.mvc().perform(get("/charity/donations/999999999/receipt").cookie(officer)).andExpect(status().isNotFound());
    }

    /** The ledger shows fifty donations a page, says how many there are and finds a donor by name. */
    @Test
    void pagesThroughTheLedgerAndFindsADonor() throws Exception {
        Cookie officer = signIn("charity", "civicdesk-demo");
        long total = count();
        assertThat(total).isGreaterThan(50);
        api.mvc().perform(get("/charity/donations").cookie(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("第 1–50 条，共 " + total + " 条")))
                .andExpect(content().string(containsString("href=\"/charity/donations?page=1\"")));
        api.mvc().perform(get("/charity/donations?page=1").cookie(officer))
                .andExpect(content().string(containsString("第 51–")))
                .andExpect(content().string(containsString("href=\"/charity/donations?page=0\"")));
        String donor = "页码测试人" + Api.unique();
        String campaign = "PG-" + Api.unique();
        api.post("/api/v1/campaigns", api.token("charity", "civicdesk-demo"), "{\"code\":\"" + campaign
                + "\",\"name\":\"分页测试\"}").andExpect(status().isCreated());
        api.mvc().perform(post("/charity/donations").cookie(officer).with(csrf()).param("campaign", campaign)
                .param("amount", "6.00").param("donorName", donor).param("key", Api.unique()))
                .andExpect(redirectedUrlPattern("/charity/donations/*/receipt"));
        api.mvc().perform(get("/charity/donations").param("q", donor).cookie(officer))
                .andExpect(content().string(containsString(donor)))
                .andExpect(content().string(containsString("第 1–1 条，共 1 条")));
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM charity_donation").query(Long.class).single();
    }

    private Cookie signIn(String username, String password) throws Exception {
        Cookie cookie = api.mvc().perform(formLogin().user(username).password(password))
                .andExpect(redirectedUrl("/desk")).andReturn().getResponse().getCookie("SESSION");
        assertThat(cookie).isNotNull();
        return cookie;
    }
}
