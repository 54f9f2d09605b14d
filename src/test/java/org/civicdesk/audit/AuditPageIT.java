package org.civicdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import org.civicdesk.shared.CitySettings;
import org.civicdesk.support.Api;
import org.civicdesk.support.AuditChain;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import jakarta.servlet.http.Cookie;

/** The administrators' page of the trail: names, actions in words, the city's time, a page at a time. */
@IntegrationTest
class AuditPageIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CitySettings city;

    @Test
    void showsWhoDidWhatWhenInWordsAPageAtATime() throws Exception {
        String code = "AUD-" + Api.unique();
        api.post("/api/v1/orgs", api.adminToken(), "{\"code\":\"" + code + "\",\"name\":\"审计页测试局\",\"kind\":\"SOCIAL\"}");
        AuditChain.awaitChained(jdbc);
        OffsetDateTime at = jdbc.sql("SELECT at FROM audit_entry WHERE action = 'org.created' AND entity_id = :c")
                .param("c", code).query(OffsetDateTime.class).single();
        String local = at.atZoneSameInstant(city.timeZone()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        Cookie admin = api.mvc().perform(formLogin().user("admin").password(Api.ADMIN_PASSWORD))
                .andReturn().getResponse().getCookie("SESSION");

        long orgEntries = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'org'").query(Long.class).single();
        api.mvc().perform(get("/admin/audit").param("entityType", "org").cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("新建机构")))
                .andExpect(content().string(containsString("系统管理员 Administrator")))
                .andExpect(content().string(containsString(local)))
                .andExpect(content().string(containsString("共 " + orgEntries + " 条")))
                .andExpect(content().string(not(containsString("新建账号"))));

        long all = jdbc.sql("SELECT COUNT(*) FROM audit_entry").query(Long.class).single();
        assertThat(all).isGreaterThan(50);
        api.mvc().perform(get("/admin/audit").cookie(admin))
                .andExpect(content().string(containsString("第 1–50 条，共 ")))
                .andExpect(content().string(containsString("href=\"/admin/audit?page=1\"")));
        api.mvc().perform(get("/admin/audit").param("action", "org").param("actor", "ADMIN").cookie(admin))
                .andExpect(content().string(containsString(code)))
                .andExpect(content().string(not(containsString("新建账号"))));
        api.mvc().perform(get("/admin/audit").param("lang", "en").param("entityType", "org").cookie(admin))
                .andExpect(content().string(containsString("Organisation created")));
    }
}
