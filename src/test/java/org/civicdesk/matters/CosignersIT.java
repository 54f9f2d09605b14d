package org.civicdesk.matters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.civicdesk.support.Api;
import org.civicdesk.support.Api.Account;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jayway.jsonpath.JsonPath;

/**
 * 附议: a raiser invites others to co-sign; only a RAISER account that accepts becomes a co-signer and
 * reads the matter, raising answers the same whoever is named, and staff raise on behalf of RAISER
 * accounts only.
 */
@IntegrationTest
class CosignersIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anInviteeReadsTheMatterOnlyAfterAcceptingAndOnlyARaiserCanAccept() throws Exception {
        Account raiser = api.account("RAISER", null);
        Account invitee = api.account("RAISER", null);
        Account decliner = api.account("RAISER", null);
        Account handler = api.account("HANDLER", "ZZ-DRC");
        // Usernames are unique whatever their case, so an invitation to the name in capitals reaches it.
        long id = raise(raiser, "\"" + invitee.username().toUpperCase(Locale.ROOT) + "\",\"" + decliner.username() + "\",\""
                + handler.username() + "\",\"admin\"");

        api.get("/api/v1/matters/" + id, raiser.token()).andExpect(jsonPath("$.cosigners", empty()));
        api.get("/api/v1/matters/" + id, invitee.token()).andExpect(status().isForbidden());
        api.get("/api/v1/matters?mine=true", invitee.token())
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) id))));
        api.get("/api/v1/matters/cosign-invitations", invitee.token()).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.matterId == " + id + ")].title", contains("附议测试")));

        api.get("/api/v1/matters/" + id, handler.token()).andExpect(status().isForbidden());
        api.get("/api/v1/matters/cosign-invitations", handler.token()).andExpect(jsonPath("$", empty()));
        api.post("/api/v1/matters/" + id + "/cosign", handler.token(), "").andExpect(status().isNotFound());
        api.get("/api/v1/matters/" + id, handler.token()).andExpect(status().isForbidden());
        api.post("/api/v1/matters/" + id + "/cosign", api.tokenFor("RAISER", null), "")
                .andExpect(status().isNotFound());

        api.post("/api/v1/matters/" + id + "/cosign", invitee.token(), "").andExpect(status().isOk())
                .andExpect(jsonPath("$.cosigners", contains(invitee.username())));
        api.get("/api/v1/matters/" + id, invitee.token()).andExpect(status().isOk());
        api.get("/api/v1/matters?mine=true", invitee.token()).andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
        api.post("/api/v1/matters/" + id + "/cosign", invitee.token(), "").andExpect(status().isNotFound());
        api.get("/api/v1/matters/cosign-invitations", invitee.token())
                .andExpect(jsonPath("$[*].matterId", not(hasItem((int) id))));

        api.post("/api/v1/matters/" + id + "/cosign/decline", decliner.token(), "").andExpect(status().isNoContent());
        api.post("/api/v1/matters/" + id + "/cosign", decliner.token(), "").andExpect(status().isNotFound());
        api.get("/api/v1/matters/" + id, decliner.token()).andExpect(status().isForbidden());
        api.get("/api/v1/matters/" + id, raiser.token())
                .andExpect(jsonPath("$.cosigners", contains(invitee.username())));
    }

    @Test
    void raisingAnswersTheSameWhetherOrNotANamedCosignerHasAnAccount() throws Exception {
        Account raiser = api.account("RAISER", null);
        String existing = api.account("RAISER", null).username();
        String nobody = "u-" + Api.unique();
        String withAccount = api.post("/api/v1/matters", raiser.token(), matter("\"" + existing + "\""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String withoutAccount = api.post("/api/v1/matters", raiser.token(), matter("\"" + nobody + "\""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(withoutAccount.replaceAll("\\d+", "N")).isEqualTo(withAccount.replaceAll("\\d+", "N"));
        long id = ((Number) JsonPath.read(withoutAccount, "$.id")).longValue();
        api.get("/api/v1/matters/" + id, raiser.token()).andExpect(jsonPath("$.cosigners", empty()));
        api.post("/api/v1/matters", raiser.token(), matter("\" \"")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cosigners[0]"));
    }

    @Test
    void staffRaiseOnBehalfOfRaiserAccountsOnly() throws Exception {
        String supervisor = api.tokenFor("SUPERVISOR", "ZZ-NPC");
        long before = jdbc.sql("SELECT COUNT(*) FROM matter").query(Long.class).single();
        for (String official : new String[] { "admin", api.account("HANDLER", "ZZ-DRC").username(),
                api.account("SUPERVISOR", "ZZ-NPC").username() }) {
            api.post("/api/v1/matters", supervisor, "{\"type\":\"APPEAL\",\"title\":\"代提\",\"content\":\"c\",\"raiser\":\""
                    + official + "\"}").andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("raiser"));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM matter").query(Long.class).single()).isEqualTo(before);
        api.post("/api/v1/matters", supervisor, "{\"type\":\"APPEAL\",\"title\":\"代提\",\"content\":\"c\",\"raiser\":\""
                + api.account("RAISER", null).username() + "\"}").andExpect(status().isCreated());
    }

    private long raise(Account raiser, String cosigners) throws Exception {
        String body = api.post("/api/v1/matters", raiser.token(), matter(cosigners)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private static String matter(String cosigners) {
        return "{\"type\":\"SUGGESTION\",\"title\":\"附议测试\",\"content\":\"c\",\"cosigners\":[" + cosigners + "]}";
    }
}
