package org.civicdesk.charity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.civicdesk.support.Api;
import org.civicdesk.support.Api.Account;
import org.civicdesk.support.Concurrently;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * Aid applications and insurance claims as the API contract has them: submitted with the programme's
 * rules checked at once, approved with an amount or declined with a reason, paid once — even when two
 * payments arrive together — and every refusal on the way.
 */
@IntegrationTest
class AidApiIT {

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
    void aResidentAppliesAnOfficerApprovesAndPaysOnce() throws Exception {
        String programme = programme("LOW_INCOME,MULTIPLE_HARDSHIP", "MULTIPLE_HARDSHIP");
        Account resident = api.account("RAISER", null);
        long id = apply(programme, resident.token(),
                "{\"category\":\"LOW_INCOME\",\"amountRequested\":\"5000\",\"reason\":\"生活困难\"}")
                .andExpect(status().isCreated()).andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.status").value("SUBMITTED")).andExpect(jsonPath("$.eligible").value(true))
                .andExpect(jsonPath("$.reasons.length()").value(0))
                .andExpect(jsonPath("$.applicant").value(resident.username()))
                .andExpect(jsonPath("$.amountRequested").value("5000.00")).andReturn().id();
        api.get("/api/v1/aid/applications/" + id, resident.token()).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id)).andExpect(jsonPath("$.status").value("SUBMITTED"));
        api.get("/api/v1/aid/applications/" + id, api.tokenFor("RAISER", null)).andExpect(status().isForbidden());
        api.get("/api/v1/aid/applications/" + id, null).andExpect(status().isUnauthorized());
        api.post("/api/v1/aid/applications/" + id + "/decision", resident.token(), "{\"approve\":true}")
                .andExpect(status().isForbidden());

        api.post("/api/v1/aid/applications/" + id + "/decision", officer, "{\"approve\":true,\"amount\":\"3000.5\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.amountApproved").value("3000.50"));
        api.post("/api/v1/aid/applications/" + id + "/decision", officer, "{\"approve\":false,\"reason\":\"改主意\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INVALID_TRANSITION"));

        String key = "pay-" + Api.unique();
        String first = api.postKeyed("/api/v1/aid/applications/" + id + "/payment", officer, key, "")
                .andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "false"))
                .andExpect(jsonPath("$.amount").value("3000.50")).andExpect(jsonPath("$.application").value(id))
                .andReturn().getResponse().getContentAsString();
        String replay = api.postKeyed("/api/v1/aid/applications/" + id + "/payment", officer, key, "")
                .andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn().getResponse().getContentAsString();
        assertThat(replay).isEqualTo(first);
        api.postKeyed("/api/v1/aid/applications/" + id + "/payment", officer, "pay-" + Api.unique(), "")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ALREADY_PAID"));
        api.post("/api/v1/aid/applications/" + id + "/payment", officer, "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ALREADY_PAID"));
        api.get("/api/v1/aid/applications/" + id, resident.token()).andExpect(jsonPath("$.status").value("PAID"))
                .andExpect(jsonPath("$.paidOn").isNotEmpty());
        assertThat(payments(id)).isEqualTo(1);
        api.get("/api/v1/aid/programmes/" + programme, officer).andExpect(jsonPath("$.paid").value("3000.50"));
    }

    @Test
    void rulesNotMetAreReadableSentencesAndAnIneligibleApplicationIsNeverApprovedOrPaid() throws Exception {
        String programme = programme("LOW_INCOME", null);
        String body = "{\"category\":\"MEDICAL_POVERTY\",\"amountRequested\":\"800.00\",\"reason\":\"看病\","
                + "\"localHukou\":false,\"insured\":true}";
        long id = apply(programme, api.tokenFor("RAISER", null), body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("SUBMITTED")).andExpect(jsonPath("$.eligible").value(false))
                .andExpect(jsonPath("$.reasons").value(containsInAnyOrder("申请人的困难类别不在本项目救助范围内。",
                        "申请人须为本市户籍。")))
                .andReturn().id();
        api.mvc().perform(get("/api/v1/aid/applications/" + id).header(HttpHeaders.AUTHORIZATION, "Bearer " + officer)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(jsonPath("$.reasons").value(hasItems("The applicant must be registered in the city.")))
                .andExpect(jsonPath("$.reasons[*]").value(not(hasItems(containsString("charity.reason")))));

        api.post("/api/v1/aid/applications/" + id + "/decision", officer, "{\"approve\":true,\"amount\":\"800\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("NOT_ELIGIBLE"));
        api.post("/api/v1/aid/applications/" + id + "/payment", officer, "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("NOT_APPROVED"));
        api.post("/api/v1/aid/applications/" + id + "/decision", officer, "{\"approve\":false}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        api.post("/api/v1/aid/applications/" + id + "/decision", officer, "{\"amount\":\"-1\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[?(@.field == 'approve')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'amount')]").exists());
        api.get("/api/v1/aid/applications/" + id, officer).andExpect(jsonPath("$.status").value("SUBMITTED"));
        api.post("/api/v1/aid/applications/" + id + "/decision", officer, "{\"approve\":false,\"reason\":\"非本市户籍\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DECLINED"))
                .andExpect(jsonPath("$.decisionReason").value("非本市户籍"));
        api.post("/api/v1/aid/applications/" + id + "/payment", officer, "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("NOT_APPROVED"));
        assertThat(payments(id)).isZero();
        api.post("/api/v1/aid/applications/999999999/payment", officer, "").andExpect(status().isNotFound());
    }

    @Test
    void anOfficerAppliesForAResidentAndEveryBadFieldIsNamed() throws Exception {
        String programme = programme("LOW_INCOME", null);
        Account resident = api.account("RAISER", null);
        long id = apply(programme, officer, "{\"applicant\":\"" + resident.username()
                + "\",\"category\":\"LOW_INCOME\",\"amountRequested\":\"1200\",\"reason\":\"代为申请\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.applicant").value(resident.username()))
                .andReturn().id();
        api.get("/api/v1/aid/applications/" + id, resident.token()).andExpect(status().isOk());
        apply(programme, officer, "{\"applicantName\":\"无账号居民\",\"category\":\"LOW_INCOME\","
                + "\"amountRequested\":\"1200\",\"reason\":\"代为申请\"}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.applicantName").value("无账号居民"));
        apply(programme, api.tokenFor("RAISER", null), "{\"applicant\":\"" + resident.username()
                + "\",\"category\":\"LOW_INCOME\",\"amountRequested\":\"1\",\"reason\":\"冒名\"}")
                .andExpect(status().isForbidden());

        long before = applications();
        apply(programme, officer, "{\"applicant\":\"nobody-" + Api.unique() + "\",\"category\":\"RICH\","
                + "\"amountRequested\":\"abc\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[?(@.field == 'applicant')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'category')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'amountRequested')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'reason')]").exists());
        apply("NO-SUCH-" + Api.unique(), officer, "{\"category\":\"LOW_INCOME\",\"amountRequested\":\"1\","
                + "\"reason\":\"x\"}").andExpect(status().isNotFound());
        api.post("/api/v1/aid/programmes/" + programme + "/applications", null, "{}").andExpect(status().isUnauthorized());
        assertThat(applications()).isEqualTo(before);
    }

    @Test
    void theQueuePutsFavouredCategoriesFirst() throws Exception {
        String programme = programme("LOW_INCOME,MULTIPLE_HARDSHIP,HARDSHIP_VETERAN", "MULTIPLE_HARDSHIP,HARDSHIP_VETERAN");
        String resident = api.tokenFor("RAISER", null);
        long ordinary = apply(programme, resident, "{\"category\":\"LOW_INCOME\",\"amountRequested\":\"100\","
                + "\"reason\":\"先到\"}").andReturn().id();
        long veteran = apply(programme, api.tokenFor("RAISER", null), "{\"category\":\"HARDSHIP_VETERAN\","
                + "\"amountRequested\":\"100\",\"reason\":\"后到\"}").andExpect(jsonPath("$.favoured").value(true))
                .andReturn().id();
        api.get("/api/v1/aid/applications?status=SUBMITTED&programme=" + programme, officer)
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(veteran))
                .andExpect(jsonPath("$[1].id").value(ordinary));
        api.get("/api/v1/aid/applications?status=WAITING", officer).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        api.get("/api/v1/aid/applications", resident).andExpect(status().isForbidden());
    }

    @Test
    void twoPaymentsAtOnceMakeOnePayment() throws Exception {
        String programme = programme("LOW_INCOME", null);
        long id = apply(programme, officer, "{\"applicantName\":\"并发测试\",\"category\":\"LOW_INCOME\","
                + "\"amountRequested\":\"20000\",\"reason\":\"并发\"}").andReturn().id();
        api.post("/api/v1/aid/applications/" + id + "/decision", officer, "{\"approve\":true}")
                .andExpect(jsonPath("$.amountApproved").value("20000.00"));
        String other = api.tokenFor("CHARITY_OFFICER", null);
        List<Callable<MockHttpServletResponse>> payments = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String token = i % 2 == 0 ? officer : other;
            payments.add(() -> api.postKeyed("/api/v1/aid/applications/" + id + "/payment", token,
                    "race-" + Api.unique(), "").andReturn().getResponse());
        }
        List<MockHttpServletResponse> answers = Concurrently.answers(payments);
        assertThat(answers).extracting(MockHttpServletResponse::getStatus).containsOnlyOnce(201)
                .containsOnly(201, 409);
        for (MockHttpServletResponse refused : answers.stream().filter(a -> a.getStatus() == 409).toList()) {
            assertThat(JsonPath.<String>read(refused.getContentAsString(), "$.code")).isEqualTo("ALREADY_PAID");
        }
        assertThat(payments(id)).isEqualTo(1);
    }

    @Test
    void aClaimIsFiledApprovedAndPaidOnce() throws Exception {
        int year = policy();
        String path = "/api/v1/insurance/policies/" + year + "/claims";
        String body = "{\"claimant\":\"王五\",\"incident\":\"意外摔伤\",\"incidentOn\":\"" + year
                + "-03-02\",\"amountClaimed\":\"2500\"}";
        long id = ((Number) JsonPath.read(api.postKeyed(path, officer, "claim-" + Api.unique(), body)
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.amountClaimed").value("2500.00")).andReturn().getResponse()
                .getContentAsString(), "$.id")).longValue();
        api.post(path + "/" + id + "/payment", officer, "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("NOT_APPROVED"));
        api.post(path + "/" + id + "/decision", officer, "{\"approve\":true}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED")).andExpect(jsonPath("$.amount").value("2500.00"));
        String other = api.tokenFor("CHARITY_OFFICER", null);
        List<Callable<Integer>> payments = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String token = i % 2 == 0 ? officer : other;
            payments.add(() -> api.post(path + "/" + id + "/payment", token, "").andReturn().getResponse().getStatus());
        }
        assertThat(Concurrently.statuses(payments)).containsOnlyOnce(201).containsOnly(201, 409);
        api.post(path + "/" + id + "/payment", officer, "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ALREADY_PAID"));
        api.get(path + "?status=PAID", officer).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(id)).andExpect(jsonPath("$[0].paidOn").isNotEmpty());
        api.get("/api/v1/insurance/policies/" + year, officer).andExpect(jsonPath("$.claims").value(1))
                .andExpect(jsonPath("$.claimsPaid").value("2500.00")).andExpect(jsonPath("$.lossRatio").value(250));

        long declined = ((Number) JsonPath.read(api.post(path, officer, body.replace("王五", "赵六"))
                .andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        api.post(path + "/" + declined + "/decision", officer, "{\"approve\":false}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        api.post(path + "/" + declined + "/decision", officer, "{\"approve\":false,\"reason\":\"不在保险责任内\"}")
                .andExpect(jsonPath("$.status").value("DECLINED"));
        api.get(path + "?status=SUBMITTED", officer).andExpect(jsonPath("$.length()").value(0));
        api.get(path, officer).andExpect(jsonPath("$.length()").value(2));
        api.post(path, officer, "{\"incidentOn\":\"" + (year + 1) + "-01-01\",\"amountClaimed\":\"0\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'claimant')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'incident')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'incidentOn')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'amountClaimed')]").exists());
        api.post(path, api.tokenFor("RAISER", null), body).andExpect(status().isForbidden());
        api.get("/api/v1/insurance/policies/" + (year - 1000) + "/claims", officer).andExpect(status().isNotFound());
        api.get(path, officer).andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void applicationsAndClaimsCountOncePerKeyAndAccount() throws Exception {
        String programme = programme("LOW_INCOME", null);
        String application = "{\"applicantName\":\"孙八\",\"category\":\"LOW_INCOME\",\"amountRequested\":\"800\","
                + "\"reason\":\"重试\"}";
        countsOncePerKeyAndAccount("/api/v1/aid/programmes/" + programme + "/applications", application,
                application.replace("孙八", "周九"), "aid_application");
        int year = policy();
        String claim = "{\"claimant\":\"孙八\",\"incident\":\"意外\",\"incidentOn\":\"" + year + "-02-01\","
                + "\"amountClaimed\":\"500\"}";
        countsOncePerKeyAndAccount("/api/v1/insurance/policies/" + year + "/claims", claim, claim.replace("500", "600"),
                "livelihood_claim");
    }

    @Test
    void theApiDocumentShowsTheAidApplicationsOwnSchema() throws Exception {
        String docs = api.get("/v3/api-docs", null).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        String ref = JsonPath.read(docs,
                "$.paths['/api/v1/aid/programmes/{code}/applications'].post.requestBody.content['application/json'].schema['$ref']");
        String schema = ref.substring(ref.lastIndexOf('/') + 1);
        assertThat(JsonPath.<java.util.Map<String, Object>>read(docs, "$.components.schemas['" + schema + "'].properties"))
                .containsKeys("category", "amountRequested", "reason", "applicant").doesNotContainKeys("sex", "birthDate");
        String callRef = JsonPath.read(docs,
                "$.paths['/api/v1/public/calls/{code}/applications'].post.requestBody.content['application/json'].schema['$ref']");
        assertThat(callRef).isNotEqualTo(ref);
    }

    /**
     * The same key and body from the same officer answer again with what the first made; another body
     * is refused; another officer's same key is another request.
     */
    private void countsOncePerKeyAndAccount(String path, String body, String otherBody, String table) throws Exception {
        String key = "key-" + Api.unique();
        long before = count(table);
        String first = api.postKeyed(path, officer, key, body).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "false")).andReturn().getResponse()
                .getContentAsString();
        String again = api.postKeyed(path, officer, key, body).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true")).andReturn().getResponse()
                .getContentAsString();
        assertThat(again).isEqualTo(first);
        api.postKeyed(path, officer, key, otherBody).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));
        assertThat(count(table)).isEqualTo(before + 1);
        api.postKeyed(path, api.tokenFor("CHARITY_OFFICER", null), key, body).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "false"));
        assertThat(count(table)).isEqualTo(before + 2);
    }

    private String programme(String eligible, String favoured) throws Exception {
        String code = "AID-" + Api.unique();
        api.post("/api/v1/aid/programmes", officer, "{\"code\":\"" + code + "\",\"name\":\"救助测试\","
                + "\"eligibleCategories\":\"" + eligible + "\"" + (favoured == null ? ""
                        : ",\"favouredCategories\":\"" + favoured + "\"") + ",\"validFrom\":\"2023-01-01\"}")
                .andExpect(status().isCreated());
        return code;
    }

    /** A fresh policy year of its own, so that its claims are only this test's. */
    private int policy() throws Exception {
        int year = jdbc.sql("SELECT COALESCE(MIN(policy_year), 2101) - 1 FROM livelihood_policy WHERE policy_year >= 2050")
                .query(Integer.class).single();
        api.post("/api/v1/insurance/policies", officer, "{\"year\":" + year + ",\"insuredPeople\":1000,"
                + "\"premium\":\"1000\",\"coverage\":\"测试市民\"}").andExpect(status().isCreated());
        return year;
    }

    private Applied apply(String programme, String token, String body) throws Exception {
        return new Applied(api.post("/api/v1/aid/programmes/" + programme + "/applications", token, body));
    }

    /** The answer to an application, and the id it gave. */
    private record Applied(ResultActions result) {

        Applied andExpect(org.springframework.test.web.servlet.ResultMatcher matcher) throws Exception {
            result.andExpect(matcher);
            return this;
        }

        Applied andReturn() {
            return this;
        }

        long id() throws Exception {
            return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        }
    }

    private long payments(long application) {
        return jdbc.sql("SELECT COUNT(*) FROM aid_payment WHERE application_id = :id").param("id", application)
                .query(Long.class).single();
    }

    private long applications() {
        return count("aid_application");
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
