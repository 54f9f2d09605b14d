package org.civicdesk.calls;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import jakarta.servlet.http.Cookie;

/** The organisers' list of a call's applications: a page at a time, filtered in the address. */
@IntegrationTest
class CallApplicationsPageIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void pagesAndFiltersApplicationsKeepingTheFilterAndNamesABadOne() throws Exception {
        String code = "c-" + Api.unique();
        api.post("/api/v1/calls", api.adminToken(), CallsApiIT.callJson(code, 30)).andExpect(status().isCreated());
        long call = jdbc.sql("SELECT id FROM civic_call WHERE code = :c").param("c", code).query(Long.class).single();
        long men = jdbc.sql("SELECT id FROM call_group WHERE call_id = :c AND code = 'men'").param("c", call)
                .query(Long.class).single();
        long women = jdbc.sql("SELECT id FROM call_group WHERE call_id = :c AND code = 'women'").param("c", call)
                .query(Long.class).single();
        for (int n = 1; n <= 22; n++) {
            jdbc.sql("""
                    INSERT INTO call_application (call_id, group_id, applicant_name, sex, birth_date, phone, phone_key,
                                                  status, applied_on, created_at)
                    VALUES (:call, :group, :name, :sex, :born, :phone, :phone, :status, :on, :at)""")
                    .param("call", call).param("group", n == 22 ? women : men).param("sex", n == 22 ? "F" : "M")
                    .param("name", "报名者" + String.format("%02d", n)).param("born", LocalDate.of(1980, 1, 1))
                    .param("phone", "139" + String.format("%08d", n)).param("status", n == 21 ? "REJECTED" : "SUBMITTED")
                    .param("on", LocalDate.of(2023, 3, 1)).param("at", OffsetDateTime.now()).update();
        }
        Cookie admin = api.mvc().perform(formLogin().user("admin").password(Api.ADMIN_PASSWORD))
                .andReturn().getResponse().getCookie("SESSION");
        String list = "/calls/" + code + "/applications";

        api.mvc().perform(get(list + "?group=men").cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("第 1–20 条，共 21 条")))
                .andExpect(content().string(containsString("href=\"" + list + "?group=men&amp;page=1\"")))
                .andExpect(content().string(containsString("报名者20")))
                .andExpect(content().string(not(containsString("报名者21"))));
        api.mvc().perform(get(list + "?group=men&page=1").cookie(admin))
                .andExpect(content().string(containsString("第 21–21 条，共 21 条")))
                .andExpect(content().string(containsString("报名者21")))
                .andExpect(content().string(not(containsString("报名者20"))))
                .andExpect(content().string(not(containsString("报名者22"))));
        api.mvc().perform(get(list + "?status=REJECTED").cookie(admin))
                .andExpect(content().string(containsString("共 1 条")))
                .andExpect(content().string(containsString("报名者21")));
        api.mvc().perform(get(list + "?q=13900000022").cookie(admin))
                .andExpect(content().string(containsString("共 1 条")))
                .andExpect(content().string(containsString("报名者22")));

        api.mvc().perform(get(list + "?status=MAYBE&group=tenors").cookie(admin)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("href=\"#filter-status\"")))
                .andExpect(content().string(containsString("href=\"#filter-group\"")))
                .andExpect(content().string(containsString("组别：此征集没有「tenors」这一组别。")))
                .andExpect(content().string(not(containsString("报名者01"))));
    }
}
