package org.civicdesk.platform;

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

@IntegrationTest
class AuthIT {

    @Autowired
    Api api;

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
        api.mvc().perform(formLogin().user("admin").password(Api.ADMIN_PASSWORD)).andExpect(redirectedUrl("/"));
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
}
