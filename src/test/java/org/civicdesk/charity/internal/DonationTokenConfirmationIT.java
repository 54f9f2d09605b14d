package org.civicdesk.charity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

import com.jayway.jsonpath.JsonPath;

/**
 * A payment channel's donation is let in on the holder its node resolved for the same token moments
 * before, and the intake's write confirms the token. What the node remembers must never let a change
 * go unseen: a channel that has donated once (so its node remembers its token) and is then revoked,
 * loses its role or is renamed is refused or named as the database has it on its very next donation,
 * and nothing is written for a refusal.
 */
@IntegrationTest
class DonationTokenConfirmationIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTokenSignedOutAfterADonationIsRefusedAtTheNextOneAndNothingIsWritten() throws Exception {
        Api.Account channel = api.account("CHARITY_OFFICER", null);
        String code = campaign(channel.token());
        assertThat(donate(channel.token(), Api.unique(), code).getStatus()).isEqualTo(201);
        api.delete("/api/v1/auth/token", channel.token()).andExpect(status().is2xxSuccessful());

        String key = Api.unique();
        for (int attempt = 0; attempt < 2; attempt++) {
            MockHttpServletResponse refused = donate(channel.token(), key, code);
            assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(401);
            assertThat(refused.getContentAsString()).contains("INVALID_TOKEN");
        }
        assertThat(donations(key)).as("donations written under the refused key").isZero();
    }

    @Test
    void aChannelThatLostItsRoleAfterADonationIsRefusedAtTheNextOneAndNothingIsWritten() throws Exception {
        Api.Account channel = api.account("CHARITY_OFFICER", null);
        String code = campaign(channel.token());
        assertThat(donate(channel.token(), Api.unique(), code).getStatus()).isEqualTo(201);
        api.put("/api/v1/accounts/" + channel.username(), api.adminToken(),
                "{\"displayName\":\"Test\",\"roles\":[\"RAISER\"]}").andExpect(status().isOk());

        String key = Api.unique();
        for (int attempt = 0; attempt < 2; attempt++) {
            MockHttpServletResponse refused = donate(channel.token(), key, code);
            assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(403);
            assertThat(refused.getContentAsString()).contains("FORBIDDEN");
        }
        assertThat(donations(key)).as("donations written under the refused key").isZero();
    }

    @Test
    void aDisabledChannelIsRefusedAtItsNextDonation() throws Exception {
        Api.Account channel = api.account("CHARITY_OFFICER", null);
        String code = campaign(channel.token());
        assertThat(donate(channel.token(), Api.unique(), code).getStatus()).isEqualTo(201);
        api.put("/api/v1/accounts/" + channel.username(), api.adminToken(),
                "{\"displayName\":\"Test\",\"roles\":[\"CHARITY_OFFICER\"],\"enabled\":false}").andExpect(status().isOk());

        String key = Api.unique();
        assertThat(donate(channel.token(), key, code).getStatus()).isEqualTo(401);
        assertThat(donations(key)).isZero();
    }

    @Test
    void aRenamedChannelIsNamedOnItsNextReceiptAsItIsNamedNow() throws Exception {
        Api.Account channel = api.account("CHARITY_OFFICER", null);
        String code = campaign(channel.token());
        assertThat(donate(channel.token(), Api.unique(), code).getStatus()).isEqualTo(201);
        api.put("/api/v1/accounts/" + channel.username(), api.adminToken(),
                "{\"displayName\":\"改名后的渠道\",\"roles\":[\"CHARITY_OFFICER\"]}").andExpect(status().isOk());

        MockHttpServletResponse answer = donate(channel.token(), Api.unique(), code);
        assertThat(answer.getStatus()).isEqualTo(201);
        api.get("/api/v1/donations/" + JsonPath.<Number>read(answer.getContentAsString(), "$.id"), channel.token())
                .andExpect(status().isOk()).andExpect(jsonPath("$.handlerName").value("改名后的渠道"));
    }

    /**
     * A donation to a campaign that has ended writes nothing, and answers a repeat of its key from the
     * ledger: the token is confirmed before the ledger is read.
     */
    @Test
    void aRevokedTokenLearnsNothingOfAnEndedCampaignsDonations() throws Exception {
        Api.Account channel = api.account("CHARITY_OFFICER", null);
        String code = campaign(channel.token());
        String key = Api.unique();
        assertThat(donate(channel.token(), key, code).getStatus()).isEqualTo(201);
        String ended = campaign(channel.token());
        jdbc.sql("UPDATE charity_campaign SET ends_on = :d WHERE code = :c").param("d", LocalDate.now().minusDays(30))
                .param("c", ended).update();
        api.delete("/api/v1/auth/token", channel.token()).andExpect(status().is2xxSuccessful());

        MockHttpServletResponse refused = donate(channel.token(), key, ended);
        assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(401);
    }

    private long donations(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM charity_donation WHERE idempotency_key = :k").param("k", key)
                .query(Long.class).single();
    }

    private MockHttpServletResponse donate(String token, String key, String code) throws Exception {
        return api.postKeyed("/api/v1/donations", token, key, "{\"campaign\":\"" + code + "\",\"amount\":\"8.80\"}")
                .andReturn().getResponse();
    }

    private String campaign(String officer) throws Exception {
        String code = "TC-" + Api.unique();
        api.post("/api/v1/campaigns", officer, "{\"code\":\"" + code + "\",\"name\":\"令牌核验测试\"}")
                .andExpect(status().isCreated());
        return code;
    }
}
