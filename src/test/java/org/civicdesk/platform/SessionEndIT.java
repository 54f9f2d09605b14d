package org.civicdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.civicdesk.support.MutableClock;
import org.civicdesk.support.MutableClockConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jayway.jsonpath.JsonPath;

import jakarta.servlet.http.Cookie;

/**
 * A sign-in session ends when its account changes, after 30 minutes without a request, and 12 hours
 * after sign-in however busy it is; all three are kept in the database, so every node ends it alike.
 */
@IntegrationTest
@Import(MutableClockConfiguration.class)
class SessionEndIT {

    @Autowired
    Api api;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "\"roles\":[\"SUPERVISOR\"],\"enabled\":false",
            "\"roles\":[\"SUPERVISOR\"],\"password\":\"another-pass-2\"", "\"roles\":[\"RAISER\"]" })
    void aSupervisorsOpenSessionCanNoLongerRejectAMatterOnceTheAccountChanged(String change) throws Exception {
        clock.set(OffsetDateTime.now(ZoneOffset.UTC).toString());
        String supervisor = account("SUPERVISOR");
        Cookie session = signIn(supervisor);
        long matter = raise();
        api.mvc().perform(get("/matters/" + matter).cookie(session)).andExpect(status().isOk());

        api.put("/api/v1/accounts/" + supervisor, api.adminToken(), "{\"displayName\":\"Test\"," + change + "}")
                .andExpect(status().isOk());

        api.mvc().perform(post("/matters/" + matter + "/rejection").cookie(session).with(csrf())
                .param("reason", "属于司法程序，不予受理")).andExpect(redirectedUrl("/login"));
        api.get("/api/v1/matters/" + matter, api.adminToken()).andExpect(jsonPath("$.status").value("REGISTERED"));
    }

    @Test
    void aSessionEndsAfterThirtyMinutesWithoutARequest() throws Exception {
        clock.set(OffsetDateTime.now(ZoneOffset.UTC).toString());
        String supervisor = account("SUPERVISOR");
        Cookie session = signIn(supervisor);
        assertThat(jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = :u")
                .param("u", supervisor).query(Integer.class).single()).isEqualTo(30 * 60);
        api.mvc().perform(get("/matters/board").cookie(session)).andExpect(status().isOk());

        long idle = Instant.now().minus(Duration.ofMinutes(31)).toEpochMilli();
        jdbc.sql("UPDATE spring_session SET last_access_time = :t, expiry_time = :e WHERE principal_name = :u")
                .param("t", idle).param("e", idle + 30 * 60 * 1000).param("u", supervisor).update();

        api.mvc().perform(get("/matters/board").cookie(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aSessionEndsTwelveHoursAfterSignInHoweverBusy() throws Exception {
        OffsetDateTime signedIn = OffsetDateTime.now(ZoneOffset.UTC);
        clock.set(signedIn.toString());
        String supervisor = account("SUPERVISOR");
        Cookie session = signIn(supervisor);

        clock.set(signedIn.plusHours(11).plusMinutes(59).toString());
        api.mvc().perform(get("/matters/board").cookie(session)).andExpect(status().isOk());
        clock.set(signedIn.plusHours(12).plusMinutes(1).toString());
        api.mvc().perform(get("/matters/board").cookie(session)).andExpect(redirectedUrl("/login"));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = :u").param("u", supervisor)
                .query(Long.class).single()).isZero();
        api.mvc().perform(get("/matters/board").cookie(signIn(supervisor))).andExpect(status().isOk());
    }

    private long raise() throws Exception {
        String body = api.post("/api/v1/matters", api.tokenFor("RAISER", null),
                "{\"type\":\"SUGGESTION\",\"title\":\"关于加快园区道路建设的建议\",\"content\":\"建议尽快打通园区断头路。\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private String account(String role) throws Exception {
        String username = "t-" + Api.unique();
        api.post("/api/v1/accounts", api.adminToken(), "{\"username\":\"" + username
                + "\",\"password\":\"secret-pass-1\",\"displayName\":\"Test\",\"roles\":[\"" + role + "\"]}")
                .andExpect(status().isCreated());
        return username;
    }

    private Cookie signIn(String username) throws Exception {
        Cookie cookie = api.mvc().perform(formLogin().user(username).password("secret-pass-1"))
                .andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("SESSION");
        assertThat(cookie).isNotNull();
        return cookie;
    }
}
