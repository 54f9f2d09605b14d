package org.civicdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.civicdesk.support.Api;
import org.civicdesk.support.Concurrently;
import org.civicdesk.support.IntegrationTest;
import org.civicdesk.support.MutableClock;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import jakarta.servlet.http.Cookie;

/**
 * Sign-in resists guessing without letting a guesser keep the owner out: attempts are counted before
 * their passwords are checked, per account and address, with holds that double, and a ceiling per
 * account that lifts with each window.
 */
@IntegrationTest
class SignInThrottleIT {

    private static final String STRANGER = "203.0.113.9";
    private static final String OWNER = "198.51.100.7";

    @Autowired
    Api api;

    @Autowired
    MutableClock clock;

    private OffsetDateTime start;

    @BeforeEach
    void now() {
        start = OffsetDateTime.now(ZoneOffset.UTC);
        clock.set(start.toString());
    }

    @Test
    void aHundredGuessesAtOnceTestNoMoreThanFivePasswords() throws Exception {
        String username = account();
        List<Callable<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            guesses.add(() -> signIn(username, "wrong-password", STRANGER).andReturn().getResponse().getStatus());
        }
        List<Integer> statuses = Concurrently.statuses(guesses);

        assertThat(statuses.stream().filter(s -> s == 401)).hasSize(5);
        assertThat(statuses.stream().filter(s -> s == 429)).hasSize(95);
        signIn(username, "secret-pass-1", STRANGER).andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.code").value("TOO_MANY_ATTEMPTS"))
                .andExpect(header().string("Retry-After", Matchers.matchesPattern("[1-9][0-9]*")));

        clock.set(start.plusMinutes(1).plusSeconds(1).toString());
        signIn(username, "secret-pass-1", STRANGER).andExpect(status().isOk())
                .andExpect(jsonPath("$.failedAttemptsSinceLastSignIn").value(101));
    }

    @Test
    void aStrangersGuessesDoNotKeepTheOwnerOutAndTheOwnerLearnsOfThem() throws Exception {
        String username = account();
        for (int i = 0; i < 5; i++) {
            signIn(username, "wrong-password", STRANGER).andExpect(status().isUnauthorized());
        }
        signIn(username, "secret-pass-1", STRANGER).andExpect(status().isTooManyRequests());

        signIn(username, "secret-pass-1", OWNER).andExpect(status().isOk())
                .andExpect(jsonPath("$.token").isString())
                .andExpect(jsonPath("$.failedAttemptsSinceLastSignIn").value(6));
        signIn(username, "secret-pass-1", OWNER).andExpect(jsonPath("$.failedAttemptsSinceLastSignIn").value(0));
    }

    @Test
    void nobodyCanLockTheAdministratorOut() throws Exception {
        for (int i = 0; i < 7; i++) {
            signIn("admin", "wrong-password", STRANGER);
        }
        signIn("admin", Api.ADMIN_PASSWORD, STRANGER).andExpect(status().isTooManyRequests());
        signIn("admin", Api.ADMIN_PASSWORD, OWNER).andExpect(status().isOk());
    }

    @Test
    void eachHoldLastsTwiceAsLongAsTheOneBeforeUntilAnAdministratorLiftsIt() throws Exception {
        String username = account();
        guess(username, 5);
        signIn(username, "secret-pass-1", STRANGER).andExpect(status().isTooManyRequests());

        clock.set(start.plusSeconds(61).toString());
        guess(username, 5);
        clock.set(start.plusSeconds(61 + 100).toString());
        signIn(username, "secret-pass-1", STRANGER).andExpect(status().isTooManyRequests());
        clock.set(start.plusSeconds(61 + 121).toString());
        guess(username, 5);

        String admin = api.adminToken();
        String raiser = api.tokenFor("RAISER", null);
        api.post("/api/v1/accounts/" + username + "/unlock", raiser, "").andExpect(status().isForbidden());
        api.post("/api/v1/accounts/nobody-" + Api.unique() + "/unlock", admin, "").andExpect(status().isNotFound());
        signIn(username, "secret-pass-1", STRANGER).andExpect(status().isTooManyRequests());
        api.post("/api/v1/accounts/" + username + "/unlock", admin, "").andExpect(status().isNoContent());
        signIn(username, "secret-pass-1", STRANGER).andExpect(status().isOk());
    }

    @Test
    void guessesFromManyAddressesAreSlowedButTheAccountIsNotLocked() throws Exception {
        String username = account();
        for (int i = 0; i < 30; i++) {
            signIn(username, "wrong-password", "192.0.2." + (i + 1)).andExpect(status().isUnauthorized());
        }
        signIn(username, "secret-pass-1", OWNER).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "60"));

        clock.set(start.plusSeconds(61).toString());
        signIn(username, "secret-pass-1", OWNER).andExpect(status().isOk());
    }

    @Test
    void theSignInPageTellsTheOwnerOfFailedAttemptsAndAnAdministratorUnlocksFromTheAccountPage() throws Exception {
        String username = account();
        for (int i = 0; i < 6; i++) {
            api.mvc().perform(formSignIn(username, "wrong-password", STRANGER));
        }
        api.mvc().perform(formSignIn(username, "secret-pass-1", STRANGER))
                .andExpect(redirectedUrl("/login?locked"));

        Cookie owner = api.mvc().perform(formSignIn(username, "secret-pass-1", OWNER))
                .andExpect(redirectedUrl("/desk")).andReturn().getResponse().getCookie("SESSION");
        api.mvc().perform(get("/").cookie(owner)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("自您上次登录以来，有 7 次登录本账号的尝试失败")));
        api.mvc().perform(get("/").cookie(owner))
                .andExpect(content().string(Matchers.not(Matchers.containsString("次登录本账号的尝试失败"))));

        Cookie admin = api.mvc().perform(formLogin().user("admin").password(Api.ADMIN_PASSWORD))
                .andReturn().getResponse().getCookie("SESSION");
        api.mvc().perform(get("/directory/accounts/" + username + "/edit").cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/directory/accounts/" + username + "/unlock")));
        api.mvc().perform(MockMvcRequestBuilders.post("/directory/accounts/" + username + "/unlock").cookie(admin)
                .with(csrf()))
                .andExpect(redirectedUrl("/directory/accounts/" + username + "/edit"));
        api.mvc().perform(formSignIn(username, "secret-pass-1", STRANGER))
                .andExpect(redirectedUrl("/desk"));
    }

    private void guess(String username, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            signIn(username, "wrong-password", STRANGER).andExpect(status().isUnauthorized());
        }
        signIn(username, "wrong-password", STRANGER).andExpect(status().isTooManyRequests());
    }

    private String account() throws Exception {
        String username = "t-" + Api.unique();
        api.post("/api/v1/accounts", api.adminToken(), "{\"username\":\"" + username
                + "\",\"password\":\"secret-pass-1\",\"displayName\":\"Test\",\"roles\":[\"RAISER\"]}")
                .andExpect(status().isCreated());
        return username;
    }

    private ResultActions signIn(String username, String password, String address) throws Exception {
        return api.mvc().perform(MockMvcRequestBuilders.post("/api/v1/auth/token").with(from(address))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"));
    }

    private static MockHttpServletRequestBuilder formSignIn(String username, String password, String address) {
        return MockMvcRequestBuilders.post("/login").param("username", username).param("password", password)
                .with(csrf()).with(from(address));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
