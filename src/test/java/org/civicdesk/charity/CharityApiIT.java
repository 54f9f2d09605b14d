package org.civicdesk.charity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/** The charity part of the API contract, and every refusal around it. */
@IntegrationTest
class CharityApiIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    String officer;

    @BeforeEach
    void signIn() throws Exception {
        officer = api.tokenFor("CHARITY_OFFICER", null);
    }

    @Test
    void opensACampaignRecordsDonationsAndShowsTheProgressPublicly() throws Exception {
        String code = campaign("{\"name\":\"测试募捐\",\"goal\":\"10000\"}");
        api.get("/api/v1/campaigns/" + code, officer).andExpect(status().isOk())
                .andExpect(jsonPath("$.goal").value("10000.00")).andExpect(jsonPath("$.raised").value("0.00"));

        donate(Api.unique(), "{\"campaign\":\"" + code + "\",\"amount\":\"1592.60\",\"donorName\":\"张三\"}")
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.receiptNo").value(nullValue()))
                .andExpect(jsonPath("$.receipt").value("PENDING"))
                .andExpect(jsonPath("$.amount").value("1592.60"))
                .andExpect(jsonPath("$.amountInCapitals").value("壹仟伍佰玖拾贰元陆角整"));
        donate(Api.unique(), "{\"campaign\":\"" + code + "\",\"amount\":200,\"donorName\":\"张三\"}").andExpect(status().isCreated());
        donate(Api.unique(), "{\"campaign\":\"" + code + "\",\"amount\":0.1,\"donorName\":\"李四\",\"anonymous\":true}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.anonymous").value(true));
        donate(Api.unique(), "{\"campaign\":\"" + code + "\",\"amount\":\"7.30\"}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.anonymous").value(true));

        api.get("/api/v1/public/campaigns/" + code, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.raised").value("1800.00"))
                .andExpect(jsonPath("$.donations").value(4))
                .andExpect(jsonPath("$.donors").value(3));
        String publicBody = api.get("/api/v1/public/campaigns/" + code, null).andReturn().getResponse()
                .getContentAsString();
        assertThat(publicBody).doesNotContain("李四").doesNotContain("张三");
        api.get("/api/v1/donations?campaign=" + code, officer).andExpect(jsonPath("$.length()").value(4))
                .andExpect(jsonPath("$[1].donorName").value("李四"));
        api.get("/v3/api-docs", null)
                .andExpect(jsonPath("$.paths['/api/v1/campaigns'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/donations'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/donations'].post.parameters[?(@.name == 'Idempotency-Key')].in")
                        .value("header"))
                .andExpect(jsonPath("$.paths['/api/v1/donations'].post.requestBody.content['application/json'].schema['$ref']")
                        .value("#/components/schemas/DonationCommand"))
                .andExpect(jsonPath("$.paths['/api/v1/public/campaigns/{code}'].get").exists());
    }

    @Test
    void aRepeatedKeyCountsOnceAndAReusedKeyIsRefused() throws Exception {
        String code = campaign("{\"name\":\"重试测试\"}");
        String key = "key-" + Api.unique();
        String body = "{\"campaign\":\"" + code + "\",\"amount\":\"50\",\"donorName\":\"王五\"}";
        String first = donate(key, body).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "false")).andReturn().getResponse()
                .getContentAsString();
        String again = donate(key, "{\"campaign\":\"" + code + "\",\"amount\":\"50.00\",\"donorName\":\"王五\"}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true")).andReturn().getResponse()
                .getContentAsString();
        // The same donation, as it is now: its receipt may have been numbered between the two answers.
        assertThat(withoutReceipt(again)).isEqualTo(withoutReceipt(first));
        donate(key, "{\"campaign\":\"" + code + "\",\"amount\":\"51\",\"donorName\":\"王五\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));
        api.get("/api/v1/public/campaigns/" + code, null)
                .andExpect(jsonPath("$.raised").value("50.00")).andExpect(jsonPath("$.donations").value(1));
    }

    private static String withoutReceipt(String donation) {
        return donation.replaceAll("\"receiptNo\":(null|\"[^\"]*\")", "").replaceAll("\"receipt\":\"[A-Z]+\"", "");
    }

    @Test
    void aKeyBelongsToTheAccountThatSentIt() throws Exception {
        String code = campaign("{\"name\":\"两个渠道\"}");
        String otherChannel = api.tokenFor("CHARITY_OFFICER", null);
        String key = "key-" + Api.unique();
        String mine = donate(key, "{\"campaign\":\"" + code + "\",\"amount\":\"50\"}").andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "false")).andReturn().getResponse()
                .getContentAsString();
        String theirs = donateAs(otherChannel, key, "{\"campaign\":\"" + code + "\",\"amount\":\"70\"}")
                .andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "false"))
                .andExpect(jsonPath("$.amount").value("70.00")).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<Number>read(theirs, "$.id")).isNotEqualTo(JsonPath.read(mine, "$.id"));
        donateAs(otherChannel, key, "{\"campaign\":\"" + code + "\",\"amount\":\"70.00\"}")
                .andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true"));
        donate(key, "{\"campaign\":\"" + code + "\",\"amount\":\"70\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));
        api.get("/api/v1/public/campaigns/" + code, null)
                .andExpect(jsonPath("$.raised").value("120.00")).andExpect(jsonPath("$.donations").value(2));
    }

    @Test
    void refusesBadDonationsNamingEachFieldAndChangesNothing() throws Exception {
        String code = campaign("{\"name\":\"拒绝测试\"}");
        long before = donations();
        api.mvc().perform(post("/api/v1/donations").header(HttpHeaders.AUTHORIZATION, "Bearer " + officer)
                .contentType(MediaType.APPLICATION_JSON).content("{\"campaign\":\"" + code + "\",\"amount\":\"5\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        for (String amount : new String[] { "\"1.234\"", "0", "-5", "\"abc\"", "\"100000000\"", "1e3", "\"\"" }) {
            donate(Api.unique(), "{\"campaign\":\"" + code + "\",\"amount\":" + amount + "}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[?(@.field == 'amount')]").exists());
        }
        donate(Api.unique(), "{\"amount\":\"5\",\"donorName\":\"" + "名".repeat(201) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'campaign')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'donorName')]").exists());
        donate(Api.unique(), "{\"campaign\":\"NO-SUCH\",\"amount\":\"5\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("campaign"));
        api.post("/api/v1/donations", null, "{\"campaign\":\"" + code + "\",\"amount\":\"5\"}")
                .andExpect(status().isUnauthorized());
        String raiser = api.tokenFor("RAISER", null);
        donateAs(raiser, Api.unique(), "{\"campaign\":\"" + code + "\",\"amount\":\"5\"}")
                .andExpect(status().isForbidden());
        donateAs(api.adminToken(), Api.unique(), "{\"campaign\":\"" + code + "\",\"amount\":\"5\"}")
                .andExpect(status().isForbidden());
        assertThat(donations()).isEqualTo(before);
        api.get("/api/v1/public/campaigns/" + code, null).andExpect(jsonPath("$.raised").value("0.00"));
    }

    /**
     * The ledger's endpoints are guarded by the API's URL rule rather than method security, and refuse
     * just as the rest of the API does: 401 without a token, 403 for another role, each a problem
     * detail with its code.
     */
    @Test
    void theLedgerRefusesOtherRolesAndAnonymousCallersWithProblemDetails() throws Exception {
        String code = campaign("{\"name\":\"权限测试\"}");
        long id = JsonPath.<Number>read(donate(Api.unique(), "{\"campaign\":\"" + code + "\",\"amount\":\"5\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id").longValue();
        String raiser = api.tokenFor("RAISER", null);
        for (String path : new String[] { "/api/v1/donations", "/api/v1/donations/" + id,
                "/api/v1/donations?campaign=" + code }) {
            api.get(path, null).andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
            api.get(path, raiser).andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("FORBIDDEN"));
            api.get(path, officer).andExpect(status().isOk());
        }
        api.post("/api/v1/donations", null, "{\"campaign\":\"" + code + "\",\"amount\":\"5\"}")
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        donateAs(raiser, Api.unique(), "{\"campaign\":\"" + code + "\",\"amount\":\"5\"}")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN"));
    }

    /** A donation without a body is refused as before, when the body was bound by {@code @RequestBody}. */
    @Test
    void refusesADonationWithoutABody() throws Exception {
        long before = donations();
        api.mvc().perform(post("/api/v1/donations").header(HttpHeaders.AUTHORIZATION, "Bearer " + officer)
                .header("Idempotency-Key", Api.unique()).contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MALFORMED_JSON"));
        assertThat(donations()).isEqualTo(before);
    }

    @Test
    void aCampaignThatHasEndedTakesOnlyLateEntriesWithAReason() throws Exception {
        String code = campaign("{\"name\":\"已结束\",\"startsOn\":\"2020-01-01\",\"endsOn\":\"2020-01-31\"}");
        String open = campaign("{\"name\":\"进行中\"}");
        long before = donations();
        donate(Api.unique(), "{\"campaign\":\"" + code + "\",\"amount\":\"20\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CAMPAIGN_ENDED"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("2020-01-31")));
        assertThat(donations()).isEqualTo(before);
        String key = Api.unique();
        String late = "{\"campaign\":\"" + code + "\",\"amount\":\"20\",\"lateReason\":\"1月30日汇出，2月到账\"}";
        donate(key, late).andExpect(status().isCreated()).andExpect(jsonPath("$.lateReason").value("1月30日汇出，2月到账"));
        donate(key, late).andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true"));
        assertThat(donations()).isEqualTo(before + 1);
        donate(Api.unique(), "{\"campaign\":\"" + open + "\",\"amount\":\"20\",\"lateReason\":\"不需要\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("lateReason"));
        api.get("/api/v1/public/campaigns/" + code, null).andExpect(jsonPath("$.raised").value("20.00"));
    }

    @Test
    void refusesBadCampaignsAndDuplicateCodes() throws Exception {
        String code = campaign("{\"name\":\"重复测试\"}");
        api.post("/api/v1/campaigns", officer, "{\"code\":\"" + code + "\",\"name\":\"又一个\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DUPLICATE"));
        api.post("/api/v1/campaigns", officer, "{\"code\":\"bad code!\",\"goal\":\"-1\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'code')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'goal')]").exists());
        api.post("/api/v1/campaigns", null, "{\"code\":\"X-" + Api.unique() + "\",\"name\":\"n\"}")
                .andExpect(status().isUnauthorized());
        api.post("/api/v1/campaigns", api.tokenFor("SUPERVISOR", null), "{\"code\":\"X-" + Api.unique() + "\",\"name\":\"n\"}")
                .andExpect(status().isForbidden());
        api.get("/api/v1/public/campaigns/NO-SUCH-" + Api.unique(), null).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        api.get("/api/v1/donations/999999999", officer).andExpect(status().isNotFound());
    }

    @Test
    void receiptNumbersFollowWithinMomentsInTheOrderOfRecording() throws Exception {
        String code = campaign("{\"name\":\"票据号测试\"}");
        Number first = JsonPath.read(donate(Api.unique(), "{\"campaign\":\"" + code + "\",\"amount\":\"1\"}")
                .andReturn().getResponse().getContentAsString(), "$.id");
        Number second = JsonPath.read(donate(Api.unique(), "{\"campaign\":\"" + code + "\",\"amount\":\"1\"}")
                .andReturn().getResponse().getContentAsString(), "$.id");
        Receipts.awaitIssued(jdbc);
        String a = JsonPath.read(api.get("/api/v1/donations/" + first, officer).andExpect(jsonPath("$.receipt")
                .value("ISSUED")).andReturn().getResponse().getContentAsString(), "$.receiptNo");
        String b = JsonPath.read(api.get("/api/v1/donations/" + second, officer).andReturn().getResponse()
                .getContentAsString(), "$.receiptNo");
        assertThat(a).matches("\\d{4}-\\d{6}");
        assertThat(b.substring(0, 5)).isEqualTo(a.substring(0, 5));
        assertThat(Long.parseLong(b.substring(5))).isGreaterThan(Long.parseLong(a.substring(5)));
    }

    private String campaign(String fields) throws Exception {
        String code = "T-" + Api.unique();
        api.post("/api/v1/campaigns", officer, "{\"code\":\"" + code + "\"," + fields.substring(1))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.code").value(code));
        return code;
    }

    private ResultActions donate(String key, String body) throws Exception {
        return donateAs(officer, key, body);
    }

    private ResultActions donateAs(String token, String key, String body) throws Exception {
        return api.mvc().perform(post("/api/v1/donations").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long donations() {
        return count("charity_donation");
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
