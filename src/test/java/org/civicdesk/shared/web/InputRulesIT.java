package org.civicdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import jakarta.servlet.http.Cookie;

/**
 * Every body, parameter and path is held to the same rules on both databases: dates within
 * 1900-2100, text without control characters, strict JSON types, names of things that exist, and
 * codes unique whatever their case (a series slug is lower case by its own rule). Each refusal is
 * 400 naming the field (409 for a duplicate) and leaves nothing written.
 */
@IntegrationTest
class InputRulesIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    String admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = api.adminToken();
    }

    // --- dates

    @Test
    void aFarFutureDueDateIsRefusedNamingIt() throws Exception {
        String supervisor = api.tokenFor("SUPERVISOR", "ZZ-NPC");
        String raiser = api.tokenFor("RAISER", null);
        String body = api.post("/api/v1/matters", raiser, "{\"type\":\"SUGGESTION\",\"title\":\"远期测试\",\"content\":\"内容\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        for (String due : new String[] { "+1000000-01-01", "2101-01-01", "1899-12-31" }) {
            refused(api.post("/api/v1/matters/" + id + "/assignments", supervisor,
                    "{\"lead\":\"ZZ-DRC\",\"dueDate\":\"" + due + "\"}"), "dueDate");
        }
        api.get("/api/v1/matters/" + id, raiser).andExpect(jsonPath("$.status").value("REGISTERED"))
                .andExpect(jsonPath("$.cases.length()").value(0));
    }

    @Test
    void datesAtTheBoundsAreTakenAndBeyondThemRefused() throws Exception {
        String officer = api.tokenFor("CHARITY_OFFICER", null);
        String code = "B-" + Api.unique();
        api.post("/api/v1/campaigns", officer, "{\"code\":\"" + code + "\",\"name\":\"边界\",\"startsOn\":\"1900-01-01\","
                + "\"endsOn\":\"2100-12-31\"}").andExpect(status().isCreated());
        String late = "L-" + Api.unique();
        refused(api.post("/api/v1/campaigns", officer, "{\"code\":\"" + late + "\",\"name\":\"越界\","
                + "\"endsOn\":\"+1000000-01-01\"}"), "endsOn");
        refused(api.post("/api/v1/campaigns", officer, "{\"code\":\"" + late + "\",\"name\":\"越界\","
                + "\"startsOn\":\"1899-12-31\"}"), "startsOn");
        assertThat(count("charity_campaign", "code", late)).isZero();

        api.get("/api/v1/calendar/days/2100-12-31", admin).andExpect(status().isOk());
        api.get("/api/v1/calendar/days/1900-01-01", admin).andExpect(status().isOk());
        refused(api.get("/api/v1/calendar/days/2101-01-01", admin), "day");
        refused(api.get("/api/v1/calendar/days/+1000000-01-01", admin), "day");
    }

    // --- text

    @Test
    void controlCharactersAndLoneSurrogatesAreRefusedNamingTheField() throws Exception {
        for (String name : new String[] { "a\\u0000b", "a\\u001bb", "a\\ud800b", "\\udc00" }) {
            String code = "C-" + Api.unique();
            refused(api.post("/api/v1/orgs", admin, "{\"code\":\"" + code + "\",\"name\":\"" + name
                    + "\",\"kind\":\"OTHER\"}"), "name");
            assertThat(count("org", "code", code)).isZero();
        }
        String code = "C-" + Api.unique();
        api.post("/api/v1/orgs", admin, "{\"code\":\"" + code + "\",\"name\":\"第一行\\n\\t第二行 😀\",\"kind\":\"OTHER\"}")
                .andExpect(status().isCreated());
        refused(api.mvc().perform(get("/api/v1/public/search").param("q", "a\u0001b")), "q");
    }

    @Test
    void aFormHoldsTextToTheSameRule() throws Exception {
        Cookie admin = api.mvc().perform(formLogin().user("admin").password(Api.ADMIN_PASSWORD))
                .andExpect(redirectedUrl("/desk")).andReturn().getResponse().getCookie("SESSION");
        String title = "控制字符 " + Api.unique();
        api.mvc().perform(post("/notices").cookie(admin).with(csrf()).param("title", title + "\u0000")
                .param("body", "正文").param("issuerOrg", "ZZ-CDC").param("kind", "ANNOUNCEMENT"))
                .andExpect(redirectedUrl("/notices"));
        api.mvc().perform(get("/notices").cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#title\"")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notice WHERE title LIKE :t").param("t", title + "%")
                .query(Long.class).single()).isZero();
    }

    // --- types

    @Test
    void numbersAreNotBooleansAndFractionsAreNotWholeNumbers() throws Exception {
        for (String publish : new String[] { "1", "0", "\"true\"" }) {
            String title = "严格-" + Api.unique();
            refused(api.post("/api/v1/notices", admin, "{\"title\":\"" + title + "\",\"body\":\"正文\","
                    + "\"issuerOrg\":\"ZZ-CDC\",\"kind\":\"HEALTH_ALERT\",\"publish\":" + publish + "}"), "publish");
            assertThat(count("notice", "title", title)).isZero();
        }
        String call = "Q-" + Api.unique();
        refused(api.post("/api/v1/calls", admin, "{\"code\":\"" + call + "\",\"title\":\"征集\","
                + "\"groups\":[{\"code\":\"G1\",\"quota\":2.5}]}"), "groups[0].quota");
        refused(api.post("/api/v1/calls", admin, "{\"code\":\"" + call + "\",\"title\":\"征集\","
                + "\"groups\":[{\"code\":\"G1\",\"quota\":\"3\"}]}"), "groups[0].quota");
        assertThat(count("civic_call", "code", call)).isZero();
    }

    // --- names of things that exist

    @Test
    void unknownNamesInABodyAreRefusedNamingTheField() throws Exception {
        String title = "无此机构-" + Api.unique();
        refused(api.post("/api/v1/notices", admin, "{\"title\":\"" + title + "\",\"body\":\"正文\","
                + "\"issuerOrg\":\"NO-SUCH-ORG\",\"kind\":\"HEALTH_ALERT\",\"publish\":true}"), "issuerOrg");
        assertThat(count("notice", "title", title)).isZero();

        String username = "n-" + Api.unique();
        refused(api.post("/api/v1/accounts", admin, "{\"username\":\"" + username + "\",\"password\":\"secret-pass-1\","
                + "\"displayName\":\"无角色\",\"roles\":[null]}"), "roles");
        refused(api.post("/api/v1/accounts", admin, "{\"username\":\"" + username + "\",\"password\":\"secret-pass-1\","
                + "\"displayName\":\"无角色\",\"roles\":[\"RAISER\",\"\"]}"), "roles");
        assertThat(count("account", "username", username)).isZero();

        String matterTitle = "无此届次的建议-" + Api.unique();
        refused(api.post("/api/v1/matters", api.tokenFor("RAISER", null), "{\"type\":\"SUGGESTION\",\"title\":\""
                + matterTitle + "\",\"content\":\"内容\",\"series\":\"no-such-series\"}"), "series");
        assertThat(count("matter", "title", matterTitle)).isZero();

        String meetingTitle = "无此届次-" + Api.unique();
        refused(api.post("/api/v1/meetings", admin, "{\"series\":\"no-such-series\",\"number\":1,\"title\":\""
                + meetingTitle + "\",\"startsAt\":\"2030-03-01T09:00:00+08:00\",\"venue\":\"会场\","
                + "\"selfRegistration\":false}"), "series");
        assertThat(count("meeting", "title", meetingTitle)).isZero();

        String call = "G-" + Api.unique();
        api.post("/api/v1/calls", admin, "{\"code\":\"" + call + "\",\"title\":\"征集\",\"groups\":[{\"code\":\"G1\","
                + "\"quota\":3}]}").andExpect(status().isCreated());
        refused(api.post("/api/v1/public/calls/" + call + "/applications", null, "{\"group\":\"NO-SUCH\",\"name\":\"张三\","
                + "\"sex\":\"F\",\"birthDate\":\"1990-01-01\",\"phone\":\"13912345678\"}"), "group");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM call_application a JOIN call_group g ON g.id = a.group_id "
                + "JOIN civic_call c ON c.id = g.call_id WHERE c.code = :c").param("c", call).query(Long.class).single())
                .isZero();
    }

    // --- codes unique whatever their case

    @Test
    void codesPeopleTypeAreUniqueWhateverTheirCase() throws Exception {
        String org = "ci-" + Api.unique();
        api.post("/api/v1/orgs", admin, "{\"code\":\"" + org + "\",\"name\":\"大小写\",\"kind\":\"OTHER\"}")
                .andExpect(status().isCreated());
        duplicate(api.post("/api/v1/orgs", admin, "{\"code\":\"" + org.toUpperCase() + "\",\"name\":\"大小写二\","
                + "\"kind\":\"OTHER\"}"), "code");

        String username = "Case-" + Api.unique();
        api.post("/api/v1/accounts", admin, "{\"username\":\"" + username + "\",\"password\":\"secret-pass-1\","
                + "\"displayName\":\"大小写\",\"roles\":[\"RAISER\"]}").andExpect(status().isCreated());
        duplicate(api.post("/api/v1/accounts", admin, "{\"username\":\"" + username.toLowerCase()
                + "\",\"password\":\"secret-pass-1\",\"displayName\":\"大小写\",\"roles\":[\"RAISER\"]}"), "username");
        assertThat(api.token(username.toUpperCase(), "secret-pass-1")).isNotBlank();

        String call = "cc-" + Api.unique();
        api.post("/api/v1/calls", admin, "{\"code\":\"" + call + "\",\"title\":\"征集\",\"groups\":[{\"code\":\"G1\","
                + "\"quota\":3}]}").andExpect(status().isCreated());
        duplicate(api.post("/api/v1/calls", admin, "{\"code\":\"" + call.toUpperCase() + "\",\"title\":\"征集\","
                + "\"groups\":[{\"code\":\"G1\",\"quota\":3}]}"), "code");

        String officer = api.tokenFor("CHARITY_OFFICER", null);
        String campaign = "cp-" + Api.unique();
        api.post("/api/v1/campaigns", officer, "{\"code\":\"" + campaign + "\",\"name\":\"募捐\"}")
                .andExpect(status().isCreated());
        duplicate(api.post("/api/v1/campaigns", officer, "{\"code\":\"" + campaign.toUpperCase() + "\",\"name\":\"募捐\"}"),
                "code");
    }

    @Test
    void theDatabaseHoldsCaseInsensitiveUniquenessWhenTwoRequestsRace() {
        String code = "race-" + Api.unique();
        jdbc.sql("INSERT INTO org (code, name, kind, created_at, updated_at) VALUES (:c, :n, 'OTHER', NOW(), NOW())")
                .param("c", code).param("n", "甲 " + code).update();
        assertThatThrownBy(() -> jdbc.sql(
                "INSERT INTO org (code, name, kind, created_at, updated_at) VALUES (:c, :n, 'OTHER', NOW(), NOW())")
                .param("c", code.toUpperCase()).param("n", "乙 " + code).update())
                .isInstanceOf(DuplicateKeyException.class);
    }

    private static void refused(ResultActions answer, String field) throws Exception {
        answer.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[?(@.field == '" + field + "')]").exists());
    }

    private static void duplicate(ResultActions answer, String field) throws Exception {
        answer.andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("DUPLICATE"))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    private long count(String table, String column, String value) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = :v").param("v", value)
                .query(Long.class).single();
    }
}
