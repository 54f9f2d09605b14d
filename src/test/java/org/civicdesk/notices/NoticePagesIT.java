package org.civicdesk.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import jakarta.servlet.http.Cookie;

/** The notices, calls and search pages: public to read, the notices form to administrators only. */
@IntegrationTest
class NoticePagesIT {

    private static final String CDC_NAME = "株洲市疾病预防控制中心";

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void showsNoticesCallsAndSearchToEveryone() throws Exception {
        long chickenpox = jdbc.sql("SELECT id FROM notice WHERE title LIKE '水痘进入高发季节%'").query(Long.class).single();
        api.mvc().perform(get("/public/notices")).andExpect(status().isOk())
                .andExpect(content().string(containsString("水痘进入高发季节")));
        api.mvc().perform(get("/public/notices/" + chickenpox)).andExpect(status().isOk())
                .andExpect(content().string(containsString("接种水痘疫苗")))
                .andExpect(content().string(containsString(CDC_NAME)))
                .andExpect(content().string(not(containsString("ZZ-CDC"))));
        api.mvc().perform(get("/public/calls")).andExpect(status().isOk())
                .andExpect(content().string(containsString("株洲群星合唱团 招募新团员")));
        api.mvc().perform(get("/public/calls/zz-qunxing-choir-2023")).andExpect(status().isOk())
                .andExpect(content().string(containsString("15073319568(谭女士)")));
        api.mvc().perform(get("/public/search?q=疫苗")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<mark>疫苗</mark>")));
        api.mvc().perform(get("/public/search?q=疫苗&kind=RUMOUR")).andExpect(status().isBadRequest());
        api.mvc().perform(get("/public/notices/999999999")).andExpect(status().isNotFound());
        api.mvc().perform(get("/public/calls/no-such-call")).andExpect(status().isNotFound());
    }

    @Test
    void letsOnlyAdministratorsWriteNoticesAndNamesWhatIsMissing() throws Exception {
        long notices = jdbc.sql("SELECT COUNT(*) FROM notice").query(Long.class).single();
        api.mvc().perform(get("/notices")).andExpect(status().is3xxRedirection());
        Cookie admin = api.mvc().perform(formLogin().user("admin").password(Api.ADMIN_PASSWORD))
                .andExpect(redirectedUrl("/desk")).andReturn().getResponse().getCookie("SESSION");
        api.mvc().perform(post("/notices").cookie(admin).with(csrf()).param("kind", "HEALTH_ALERT"))
                .andExpect(redirectedUrl("/notices"));
        api.mvc().perform(get("/notices").cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#title\"")))
                .andExpect(content().string(containsString("href=\"#body\"")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notice").query(Long.class).single()).isEqualTo(notices);
        String title = "停电通知 " + Api.unique();
        api.mvc().perform(post("/notices").cookie(admin).with(csrf()).param("title", title)
                .param("body", "因线路检修，河西片区周六停电。").param("issuerOrg", "ZZ-CDC").param("kind", "ANNOUNCEMENT"))
                .andExpect(redirectedUrl("/notices"));
        api.mvc().perform(get("/public/notices")).andExpect(content().string(not(containsString(title))));
        long id = jdbc.sql("SELECT id FROM notice WHERE title = :t").param("t", title).query(Long.class).single();
        api.mvc().perform(post("/notices/" + id + "/publish").cookie(admin).with(csrf()))
                .andExpect(redirectedUrl("/notices"));
        await().untilAsserted(() -> api.mvc().perform(get("/public/search?q=停电"))
                .andExpect(content().string(containsString(title))));
        api.mvc().perform(post("/notices/" + id + "/withdraw").cookie(admin).with(csrf()))
                .andExpect(redirectedUrl("/notices"));
        api.mvc().perform(get("/public/notices/" + id)).andExpect(status().isNotFound());
    }

    @Test
    void pagesAndFiltersNoticesKeepingTheFilterAndNamesABadOne() throws Exception {
        String token = "sample" + Api.unique();
        for (int day = 1; day <= 21; day++) {
            jdbc.sql("""
                    INSERT INTO notice (title, body, issuer_org, kind, status, published_at, created_at, updated_at)
                    VALUES (:title, '正文', 'ZZ-CDC', :kind, :status, :at, :at, :at)""")
                    .param("title", token + " 第" + String.format("%02d", day) + "号")
                    .param("kind", day == 21 ? "HEALTH_ALERT" : "POLICY").param("status", day == 20 ? "DRAFT" : "PUBLISHED")
                    .param("at", java.time.OffsetDateTime.parse("2021-03-%02dT10:00:00+08:00".formatted(day))).update();
        }
        api.mvc().perform(get("/public/notices").param("q", token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("第 1–20 条，共 20 条")))
                .andExpect(content().string(not(containsString(token + " 第20号"))));
        Cookie admin = api.mvc().perform(formLogin().user("admin").password(Api.ADMIN_PASSWORD))
                .andReturn().getResponse().getCookie("SESSION");
        api.mvc().perform(get("/notices?q=" + token).cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("第 1–20 条，共 21 条")))
                .andExpect(content().string(containsString("href=\"/notices?q=" + token + "&amp;page=1\"")))
                .andExpect(content().string(not(containsString(token + " 第01号"))));
        api.mvc().perform(get("/notices").param("q", token).param("page", "1").cookie(admin))
                .andExpect(content().string(containsString("第 21–21 条，共 21 条")))
                .andExpect(content().string(containsString(token + " 第01号")))
                .andExpect(content().string(not(containsString(token + " 第02号"))));
        api.mvc().perform(get("/notices").param("q", token).param("status", "DRAFT").cookie(admin))
                .andExpect(content().string(containsString("共 1 条")))
                .andExpect(content().string(containsString(token + " 第20号")));
        api.mvc().perform(get("/public/notices").param("q", token).param("kind", "HEALTH_ALERT"))
                .andExpect(content().string(containsString("共 1 条")))
                .andExpect(content().string(containsString(token + " 第21号")));
        api.mvc().perform(get("/public/notices").param("q", token).param("from", "2021-03-05").param("to", "2021-03-06"))
                .andExpect(content().string(containsString("共 2 条")))
                .andExpect(content().string(containsString(token + " 第05号")))
                .andExpect(content().string(not(containsString(token + " 第07号"))));

        api.mvc().perform(get("/public/notices").param("from", "2021-02-30").param("kind", "RUMOUR"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("href=\"#filter-from\"")))
                .andExpect(content().string(containsString("发布日期自：须为日期")))
                .andExpect(content().string(containsString("href=\"#filter-kind\"")))
                .andExpect(content().string(containsString("id=\"filter-from-error\"")));
        api.mvc().perform(get("/notices").param("status", "GONE").cookie(admin)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("href=\"#filter-status\"")));
    }
}
