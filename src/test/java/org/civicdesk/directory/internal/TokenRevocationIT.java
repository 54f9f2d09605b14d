package org.civicdesk.directory.internal;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tokens are kept per node once checked (ApiTokens); disabling the account must still refuse its token
 * at once, however often the token was used before.
 */
@IntegrationTest
class TokenRevocationIT {

    @Autowired
    Api api;

    @Test
    void disablingAnAccountRefusesItsTokenAtOnce() throws Exception {
        String username = "t-" + Api.unique();
        api.post("/api/v1/accounts", api.adminToken(), "{\"username\":\"" + username
                + "\",\"password\":\"secret-pass-1\",\"displayName\":\"Test\",\"roles\":[\"RAISER\"]}")
                .andExpect(status().isCreated());
        String token = api.token(username, "secret-pass-1");
        api.get("/api/v1/me", token).andExpect(status().isOk());
        api.get("/api/v1/me", token).andExpect(status().isOk());

        api.put("/api/v1/accounts/" + username, api.adminToken(),
                "{\"displayName\":\"Test\",\"roles\":[\"RAISER\"],\"enabled\":false}").andExpect(status().isOk());

        api.get("/api/v1/me", token).andExpect(status().isUnauthorized());
    }
}
