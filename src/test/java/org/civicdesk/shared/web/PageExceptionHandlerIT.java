package org.civicdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

import com.jayway.jsonpath.JsonPath;

import jakarta.servlet.http.Cookie;

/**
 * Every kind of refusal of a page, through the one advice: bad fields back on the form with the
 * reader's values, a refusal by state as a message, what does not exist as the error page.
 */
@IntegrationTest
class PageExceptionHandlerIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    private Cookie admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = api.mvc().perform(formLogin().user("admin").password(Api.ADMIN_PASSWORD)).andExpect(redirectedUrl("/desk"))
                .andReturn().getResponse().getCookie("SESSION");
    }

    @Test
    void bringsBadFieldsBackBesideTheirInputsWithTheValuesTyped() throws Exception {
        String district = "天元区 " + Api.unique();
        api.mvc().perform(post("/directory/orgs").cookie(admin).with(csrf()).param("code", "bad code!")
                .param("kind", "SOCIAL").param("district", district)).andExpect(redirectedUrl("/directory/orgs/new"));
        api.mvc().perform(get("/directory/orgs/new").cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("data-error-summary"),
                        containsString("<a href=\"#code\">代码："),
                        containsString("<a href=\"#name\">名称：必填。</a>"),
                        containsString("aria-describedby=\"code-help code-error\""),
                        containsString("id=\"name-error\""),
                        containsString("value=\"" + district + "\""))));
        api.mvc().perform(get("/directory/orgs/new").cookie(admin))
                .andExpect(content().string(not(containsString("data-error-summary"))));
    }

    @Test
    void namesTheFieldThatNamedWhatDoesNotExist() throws Exception {
        long meeting = meeting();
        String nobody = "nobody-" + Api.unique();
        api.mvc().perform(post("/meetings/" + meeting + "/invitations").cookie(admin).with(csrf())
                .param("username", nobody).param("role", "GUEST").param("kind", "OTHER"))
                .andExpect(redirectedUrl("/meetings/" + meeting));
        api.mvc().perform(get("/meetings/" + meeting).cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<a href=\"#invite-username\">"),
                        containsString("id=\"invite-username-error\""), containsString(nobody))));
    }

    @Test
    void keepsTwoFormsOfAPageApart() throws Exception {
        long meeting = meeting();
        api.mvc().perform(post("/meetings/" + meeting + "/close").cookie(admin).with(csrf()).param("report", " "))
                .andExpect(redirectedUrl("/meetings/" + meeting));
        api.mvc().perform(get("/meetings/" + meeting).cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<a href=\"#report\">会议报告：必填。</a>"),
                        not(containsString("invite-error-summary")))));
    }

    private long meeting() throws Exception {
        String token = api.adminToken();
        String slug = "refusal-" + Api.unique();
        api.post("/api/v1/series", token, "{\"slug\":\"" + slug + "\",\"name\":\"拒绝\"}").andExpect(status().isCreated());
        return ((Number) JsonPath.read(api.post("/api/v1/meetings", token, "{\"series\":\"" + slug
                + "\",\"number\":1,\"title\":\"第1次会议\",\"startsAt\":\"2030-02-27T09:00:00+08:00\","
                + "\"venue\":\"市人大常委会会议室\"}").andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    @Test
    void tellsARefusalByStateOnThePage() throws Exception {
        long published = jdbc.sql("SELECT MIN(id) FROM notice WHERE status = 'PUBLISHED'").query(Long.class).single();
        api.mvc().perform(post("/notices/" + published + "/publish").cookie(admin).with(csrf()))
                .andExpect(redirectedUrl("/notices"));
        api.mvc().perform(get("/notices").cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("该公告已经发布。")));
    }

    @Test
    void showsWhatDoesNotExistAsTheErrorPage() throws Exception {
        api.mvc().perform(post("/meetings/999999999/publish").cookie(admin).with(csrf()))
                .andExpect(status().isNotFound()).andExpect(content().string(containsString("data-error-page")));
    }

    @Test
    void namesEachBadRowOfAnImportedFile() throws Exception {
        long orgs = jdbc.sql("SELECT COUNT(*) FROM org").query(Long.class).single();
        api.mvc().perform(multipart("/directory/import").file(new MockMultipartFile("file", "d.xlsx", null, new byte[] { 1, 2 }))
                .cookie(admin).with(csrf())).andExpect(redirectedUrl("/directory/import"));
        api.mvc().perform(get("/directory/import").cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("未导入任何数据"), containsString("<code>file</code>"))));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM org").query(Long.class).single()).isEqualTo(orgs);
    }
}
