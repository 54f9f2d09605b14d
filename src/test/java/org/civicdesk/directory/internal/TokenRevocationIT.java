package org.civicdesk.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.jayway.jsonpath.JsonPath;

import jakarta.servlet.http.Cookie;

/**
 * What was granted on an account's old standing ends when the account changes: its API tokens and its
 * sign-in sessions, at once, however often they were used before. Both live in the database, so every
 * node refuses them from the commit on.
 */
@IntegrationTest
class TokenRevocationIT {

    @Autowired
    Api api;

    @Test
    void disablingAnAccountRefusesItsTokenAndEndsItsSessionsAtOnce() throws Exception {
        String username = account("[\"RAISER\"]");
        String token = api.token(username, "secret-pass-1");
        Cookie session = signIn(username);
        api.get("/api/v1/me", token).andExpect(status().isOk());
        api.get("/api/v1/me", token).andExpect(status().isOk());
        api.mvc().perform(get("/matters/mine").cookie(session)).andExpect(status().isOk());

        api.put("/api/v1/accounts/" + username, api.adminToken(),
                "{\"displayName\":\"Test\",\"roles\":[\"RAISER\"],\"enabled\":false}").andExpect(status().isOk());

        api.get("/api/v1/me", token).andExpect(status().isUnauthorized());
        api.mvc().perform(get("/matters/mine").cookie(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aRoleTakenAwayEndsTheSessionsThatHeldIt() throws Exception {
        String username = account("[\"SUPERVISOR\"]");
        Cookie session = signIn(username);
        api.mvc().perform(get("/matters/board").cookie(session)).andExpect(status().isOk());

        api.put("/api/v1/accounts/" + username, api.adminToken(),
                "{\"displayName\":\"Test\",\"roles\":[\"RAISER\"]}").andExpect(status().isOk());

        api.mvc().perform(get("/matters/board").cookie(session)).andExpect(redirectedUrl("/login"));
        api.mvc().perform(get("/matters/board").cookie(signIn(username))).andExpect(status().isForbidden());
    }

    @Test
    void aNewDisplayNameEndsNothing() throws Exception {
        String username = account("[\"RAISER\"]");
        String token = api.token(username, "secret-pass-1");
        Cookie session = signIn(username);
        api.put("/api/v1/accounts/" + username, api.adminToken(),
                "{\"displayName\":\"新名字\",\"roles\":[\"RAISER\"]}").andExpect(status().isOk());
        api.get("/api/v1/me", token).andExpect(status().isOk());
        api.mvc().perform(get("/matters/mine").cookie(session)).andExpect(status().isOk());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "\"roles\":[\"SUPERVISOR\"],\"enabled\":false",
            "\"roles\":[\"SUPERVISOR\"],\"password\":\"another-pass-2\"", "\"roles\":[\"RAISER\"]" })
    void aSupervisorsOpenSessionCanNoLongerRejectAMatterOnceTheAccountChanged(String change) throws Exception {
        String supervisor = account("[\"SUPERVISOR\"]");
        Cookie session = signIn(supervisor);
        long matter = raise();
        api.mvc().perform(get("/matters/" + matter).cookie(session)).andExpect(status().isOk());

        api.put("/api/v1/accounts/" + supervisor, api.adminToken(), "{\"displayName\":\"Test\"," + change + "}")
                .andExpect(status().isOk());

        api.mvc().perform(post("/matters/" + matter + "/rejection").cookie(session).with(csrf())
                .param("reason", "属于司法程序，不予受理")).andExpect(redirectedUrl("/login"));
        api.get("/api/v1/matters/" + matter, api.adminToken()).andExpect(jsonPath("$.status").value("REGISTERED"));
    }

    private long raise() throws Exception {
        String body = api.post("/api/v1/matters", api.tokenFor("RAISER", null),
                "{\"type\":\"SUGGESTION\",\"title\":\"关于加快园区道路建设的建议\",\"content\":\"建议尽快打通园区断头路。\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private String account(String roles) throws Exception {
        String username = "t-" + Api.unique();
        api.post("/api/v1/accounts", api.adminToken(), "{\"username\":\"" + username
                + "\",\"password\":\"secret-pass-1\",\"displayName\":\"Test\",\"roles\":" + roles + "}")
                .andExpect(status().isCreated());
        return username;
    }

    private Cookie signIn(String username) throws Exception {
        Cookie cookie = api.mvc().perform(formLogin().user(username).password("secret-pass-1"))
                .andReturn().getResponse().getCookie("SESSION");
        assertThat(cookie).isNotNull();
        return cookie;
    }
}
