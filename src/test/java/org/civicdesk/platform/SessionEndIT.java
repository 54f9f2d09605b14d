package org.civicdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.civicdesk.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import jakarta.servlet.http.Cookie;

/**
 * A sign-in session ends after 30 minutes without a request and 12 hours after sign-in however busy
 * it is (and when its account changes: {@code TokenRevocationIT}); both are kept in the database, so
 * every node ends it alike.
 */
@IntegrationTest
class SessionEndIT {

    @Autowired
    Api api;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSessionEndsAfterThirtyMinutesWithoutARequest() throws Exception {
        clock.set(OffsetDateTime.now(ZoneOffset.UTC).toString());
        String supervisor = api.account("SUPERVISOR", null).username();
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
        String supervisor = api.account("SUPERVISOR", null).username();
        Cookie session = signIn(supervisor);

        clock.set(signedIn.plusHours(11).plusMinutes(59).toString());
        api.mvc().perform(get("/matters/board").cookie(session)).andExpect(status().isOk());
        clock.set(signedIn.plusHours(12).plusMinutes(1).toString());
        api.mvc().perform(get("/matters/board").cookie(session)).andExpect(redirectedUrl("/login"));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = :u").param("u", supervisor)
                .query(Long.class).single()).isZero();
        api.mvc().perform(get("/matters/board").cookie(signIn(supervisor))).andExpect(status().isOk());
    }

    private Cookie signIn(String username) throws Exception {
        Cookie cookie = api.mvc().perform(formLogin().user(username).password("secret-pass-1"))
                .andExpect(redirectedUrl("/desk")).andReturn().getResponse().getCookie("SESSION");
        assertThat(cookie).isNotNull();
        return cookie;
    }
}
