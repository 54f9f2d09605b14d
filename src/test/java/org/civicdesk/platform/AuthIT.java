package org.civicdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import com.jayway.jsonpath.JsonPath;

@IntegrationTest
class AuthIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void issuesATokenForGoodCredentialsOnly() throws Exception {
        api.post("/api/v1/auth/token", null, "{\"username\":\"admin\",\"password\":\"" + Api.ADMIN_PASSWORD + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token").isString())
                .andExpect(jsonPath("$.expiresAt").isString());
        api.post("/api/v1/auth/token", null, "{\"username\":\"nobody-" + Api.unique() + "\",\"password\":\"x\"}")
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("BAD_CREDENTIALS"));
        api.post("/api/v1/auth/token", null, "{\"username\":\"admin\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].message").value("必填。"));
    }

    @Test
    void locksAUsernameOutAfterRepeatedFailures() throws Exception {
        String admin = api.adminToken();
        String username = "t-" + Api.unique();
        api.post("/api/v1/accounts", admin, "{\"username\":\"" + username + "\",\"password\":\"right-password\","
                + "\"displayName\":\"t\",\"roles\":[\"RAISER\"]}").andExpect(status().isCreated());
        for (int i = 0; i < 5; i++) {
            api.post("/api/v1/auth/token", null, "{\"username\":\"" + username + "\",\"password\":\"wrong\"}")
                    .andExpect(status().isUnauthorized());
        }
        api.post("/api/v1/auth/token", null, "{\"username\":\"" + username + "\",\"password\":\"right-password\"}")
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.code").value("TOO_MANY_ATTEMPTS"));
        api.mvc().perform(formLogin().user(username).password("right-password"))
                .andExpect(redirectedUrl("/login?locked"));
    }

    @Test
    void signsPeopleInWithAFormProtectedByCsrf() throws Exception {
        api.mvc().perform(formLogin().user("admin").password(Api.ADMIN_PASSWORD)).andExpect(redirectedUrl("/desk"));
        api.mvc().perform(post("/login").param("username", "admin").param("password", Api.ADMIN_PASSWORD))
                .andExpect(status().isForbidden());
        api.mvc().perform(get("/directory/orgs")).andExpect(status().is3xxRedirection());
    }

    @Test
    void servesPublicEndpointsWithoutATokenAndSecurityHeadersEverywhere() throws Exception {
        api.mvc().perform(get("/api/v1/public/ping")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ok"));
        api.mvc().perform(get("/actuator/health")).andExpect(status().isOk());
        api.mvc().perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/orgs']").exists());
        api.mvc().perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(header().exists("Content-Security-Policy"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().exists("X-Request-Id"));
        api.mvc().perform(get("/actuator/prometheus")).andExpect(status().is3xxRedirection());
        api.mvc().perform(get("/actuator/prometheus").header("Authorization", "Bearer " + api.adminToken()))
                .andExpect(status().isOk());
    }

    @Test
    void answersUnsupportedMethodsAndMediaTypesAsProblems() throws Exception {
        String admin = api.adminToken();
        api.mvc().perform(post("/api/v1/orgs").header("Authorization", "Bearer " + admin)
                .contentType(MediaType.TEXT_PLAIN).content("code=x"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
        api.mvc().perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/orgs")
                .header("Authorization", "Bearer " + admin))
                .andExpect(status().isMethodNotAllowed());
    }

    @Test
    void aDisabledAccountIsAnsweredAsAWrongPasswordIs() throws Exception {
        String username = account("right-password");
        api.put("/api/v1/accounts/" + username, api.adminToken(), "{\"displayName\":\"t\",\"roles\":[\"RAISER\"],"
                + "\"enabled\":false}").andExpect(status().isOk());
        for (String password : new String[] { "right-password", "wrong-password" }) {
            api.post("/api/v1/auth/token", null, "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.code").value("BAD_CREDENTIALS"))
                    .andExpect(jsonPath("$.detail").value("用户名或密码不正确。"));
            api.mvc().perform(formLogin().user(username).password(password)).andExpect(redirectedUrl("/login?error"));
        }
    }

    @Test
    void aPasswordOfAHundredChineseCharactersSignsIn() throws Exception {
        String password = "长".repeat(50) + "风破浪会有时".repeat(8) + "直挂云帆济沧海";
        assertThat(password).hasSize(105);
        String username = account(password);
        api.post("/api/v1/auth/token", null, "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.token").isString());
        api.post("/api/v1/auth/token", null, "{\"username\":\"" + username + "\",\"password\":\""
                + password.substring(0, 104) + "山\"}").andExpect(status().isUnauthorized());
        api.post("/api/v1/auth/token", null, "{\"username\":\"admin\",\"password\":\"" + password + "\"}")
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aBcryptHashStillSignsInAndIsReplacedByAnArgon2HashOfTheSamePassword() throws Exception {
        String username = account("right-password");
        String token = api.token(username, "right-password");
        jdbc.sql("UPDATE account SET password_hash = :h WHERE username = :u")
                .param("h", "{bcrypt}" + new BCryptPasswordEncoder().encode("right-password")).param("u", username)
                .update();

        api.post("/api/v1/auth/token", null, "{\"username\":\"" + username + "\",\"password\":\"right-password\"}")
                .andExpect(status().isOk());

        assertThat(jdbc.sql("SELECT password_hash FROM account WHERE username = :u").param("u", username)
                .query(String.class).single()).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$");
        api.get("/api/v1/me", token).andExpect(status().isOk());
        api.post("/api/v1/auth/token", null, "{\"username\":\"" + username + "\",\"password\":\"right-password\"}")
                .andExpect(status().isOk());
    }

    @Test
    void aClientSignsOutItsTokenAndAnAdministratorListsAndRevokesAnAccountsTokens() throws Exception {
        String username = account("right-password");
        String first = api.token(username, "right-password");
        String second = api.token(username, "right-password");
        String third = api.token(username, "right-password");

        api.mvc().perform(delete("/api/v1/auth/token").header("Authorization", "Bearer " + third))
                .andExpect(status().isNoContent());
        api.get("/api/v1/me", third).andExpect(status().isUnauthorized());
        api.mvc().perform(delete("/api/v1/auth/token")).andExpect(status().isUnauthorized());

        String admin = api.adminToken();
        api.get("/api/v1/accounts/" + username + "/tokens", first).andExpect(status().isForbidden());
        String listed = api.get("/api/v1/accounts/" + username + "/tokens", admin).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].id").isNumber())
                .andExpect(jsonPath("$[0].createdAt").isString())
                .andExpect(jsonPath("$[0].expiresAt").isString())
                .andReturn().getResponse().getContentAsString();
        assertThat(listed).doesNotContain(first, second);
        long newest = ((Number) JsonPath.read(listed, "$[0].id")).longValue();

        api.mvc().perform(delete("/api/v1/accounts/" + username + "/tokens/" + newest)
                .header("Authorization", "Bearer " + admin)).andExpect(status().isNoContent());
        api.get("/api/v1/me", second).andExpect(status().isUnauthorized());
        api.get("/api/v1/me", first).andExpect(status().isOk());
        api.mvc().perform(delete("/api/v1/accounts/" + username + "/tokens/" + newest)
                .header("Authorization", "Bearer " + admin)).andExpect(status().isNotFound());
        api.mvc().perform(delete("/api/v1/accounts/admin/tokens/" + ((Number) JsonPath.read(listed, "$[1].id")).longValue())
                .header("Authorization", "Bearer " + admin)).andExpect(status().isNotFound());
        api.get("/api/v1/me", first).andExpect(status().isOk());
    }

    private String account(String password) throws Exception {
        String username = "t-" + Api.unique();
        api.post("/api/v1/accounts", api.adminToken(), "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\",\"displayName\":\"t\",\"roles\":[\"RAISER\"]}").andExpect(status().isCreated());
        return username;
    }
}
