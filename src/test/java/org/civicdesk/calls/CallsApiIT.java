package org.civicdesk.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.civicdesk.support.Api;
import org.civicdesk.support.Concurrently;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jayway.jsonpath.JsonPath;

/** The calls part of the API contract, every refusal around it, and quotas under concurrency. */
@IntegrationTest
class CallsApiIT {

    /** Thirty years old whatever the day, so no age rule of these tests refuses it. */
    static final String ADULT = LocalDate.now().minusYears(30).toString();

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    String admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = api.adminToken();
    }

    @Test
    void opensACallTakesAnApplicationAndShowsThePhoneToOrganisersOnly() throws Exception {
        String code = call(5);
        api.get("/api/v1/public/calls/" + code, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.groups[0].code").value("men"))
                .andExpect(jsonPath("$.groups[0].quota").value(5))
                .andExpect(jsonPath("$.groups[0].sex").value("M"))
                .andExpect(jsonPath("$.groups[0].maxAge").value(65));
        api.post("/api/v1/public/calls/" + code + "/applications", null, application("men", "M", ADULT))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
        String publicView = api.get("/api/v1/public/calls/" + code, null).andExpect(jsonPath("$.groups[0].taken").value(1))
                .andReturn().getResponse().getContentAsString();
        assertThat(publicView).doesNotContain("13800000000");
        api.get("/api/v1/calls/" + code + "/applications", admin).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].phone").value("13800000000"))
                .andExpect(jsonPath("$[0].name").value("李明"));
        api.get("/api/v1/calls/" + code + "/applications", api.tokenFor("SUPERVISOR", null))
                .andExpect(status().isForbidden());
        api.get("/api/v1/calls/" + code + "/applications", null).andExpect(status().isUnauthorized());
        api.get("/v3/api-docs", null)
                .andExpect(jsonPath("$.paths['/api/v1/calls'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/public/calls/{code}/applications'].post").exists());
    }

    @Test
    void refusesBadCallsNamingEachGroupFieldAndWritesNothing() throws Exception {
        long calls = count("civic_call");
        api.post("/api/v1/calls", admin, "{\"code\":\"bad code\",\"groups\":[{\"code\":\"men\",\"quota\":3,\"sex\":\"X\"},"
                + "{\"code\":\"women\",\"quota\":0,\"minAge\":60,\"maxAge\":18}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("code")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("groups[0].sex")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("groups[1].quota")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("groups[1].maxAge")));
        api.post("/api/v1/calls", admin, "{\"code\":\"c-" + Api.unique() + "\",\"title\":\"t\",\"groups\":[]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("groups"));
        api.post("/api/v1/calls", api.tokenFor("SUPERVISOR", null), callJson("c-" + Api.unique(), 3))
                .andExpect(status().isForbidden());
        api.post("/api/v1/calls", null, callJson("c-" + Api.unique(), 3)).andExpect(status().isUnauthorized());
        assertThat(count("civic_call")).isEqualTo(calls);
        String code = call(3);
        api.post("/api/v1/calls", admin, callJson(code, 3))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DUPLICATE"));
        assertThat(count("civic_call")).isEqualTo(calls + 1);
    }

    @Test
    void refusesMalformedApplicationsNamingEachFieldAndUnknownCallsOrGroups() throws Exception {
        String code = call(3);
        long applications = count("call_application");
        api.post("/api/v1/public/calls/" + code + "/applications", null,
                "{\"sex\":\"male\",\"birthDate\":\"28/02/1970\",\"phone\":\"call me\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("group")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("sex")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("birthDate")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("phone")));
        api.post("/api/v1/public/calls/" + code + "/applications", null,
                application("men", "M", LocalDate.now().plusDays(2).toString()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("birthDate"));
        api.post("/api/v1/public/calls/no-such-call/applications", null, application("men", "M", ADULT))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        api.post("/api/v1/public/calls/" + code + "/applications", null, application("children", "M", ADULT))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("group"));
        api.post("/api/v1/public/calls/" + code + "/applications", null, application("men", "F", ADULT))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("NOT_ELIGIBLE"))
                .andExpect(jsonPath("$.errors[0].field").value("sex"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("男士")));
        assertThat(count("call_application")).isEqualTo(applications);
    }

    @Test
    void refusesAFullGroupAndRejectingFreesAPlace() throws Exception {
        String code = call(2);
        long first = apply(code, phone(1));
        apply(code, phone(2));
        long applications = count("call_application");
        api.post("/api/v1/public/calls/" + code + "/applications", null, application("men", "M", ADULT, phone(3)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("QUOTA_FULL"));
        assertThat(count("call_application")).isEqualTo(applications);
        api.post("/api/v1/call-applications/" + first + "/reject", api.tokenFor("SUPERVISOR", null), "")
                .andExpect(status().isForbidden());
        api.post("/api/v1/call-applications/" + first + "/reject", admin, "").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"));
        api.post("/api/v1/call-applications/" + first + "/accept", admin, "")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INVALID_TRANSITION"));
        long third = apply(code, phone(3));
        api.post("/api/v1/call-applications/" + third + "/accept", admin, "")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INVALID_TRANSITION"));
        api.post("/api/v1/call-applications/" + third + "/confirm", api.tokenFor("SUPERVISOR", null), "")
                .andExpect(status().isForbidden());
        api.post("/api/v1/call-applications/" + third + "/confirm", admin, "").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONFIRMED"));
        api.post("/api/v1/public/calls/" + code + "/applications", null, application("men", "M", ADULT, phone(4)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("QUOTA_FULL"));
        api.post("/api/v1/call-applications/" + third + "/confirm", admin, "")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INVALID_TRANSITION"));
        api.post("/api/v1/call-applications/" + third + "/accept", admin, "").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"));
        api.post("/api/v1/public/calls/" + code + "/applications", null, application("men", "M", ADULT, phone(4)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("QUOTA_FULL"));
        api.post("/api/v1/call-applications/999999999/accept", admin, "").andExpect(status().isNotFound());
    }

    @Test
    void neverTakesMoreThanTheQuotaUnderTwentyConcurrentApplicationsFromDifferentPhones() throws Exception {
        String code = call(3);
        List<Callable<Integer>> applications = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String body = application("men", "M", ADULT, phone(i));
            applications.add(() -> api.post("/api/v1/public/calls/" + code + "/applications", null, body)
                    .andReturn().getResponse().getStatus());
        }
        List<Integer> statuses = Concurrently.statuses(applications);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(17);
        assertThat(applications(code)).isEqualTo(3);
    }

    @Test
    void thePhoneNumberOfAStandingApplicationAppliesToTheCallOnlyOnceHoweverItIsSentOrWritten() throws Exception {
        String code = call(3);
        String path = "/api/v1/public/calls/" + code + "/applications";
        String same = application("men", "M", ADULT);
        List<Callable<String>> fourTimes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            fourTimes.add(() -> api.post(path, null, same).andReturn().getResponse().getStatus() + " "
                    + api.post(path, null, same).andReturn().getResponse().getStatus());
        }
        List<String> answers = Concurrently.answers(fourTimes);
        assertThat(String.join(" ", answers).split(" ")).containsOnlyOnce("201")
                .filteredOn("409"::equals).hasSize(7);
        api.post(path, null, same).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ALREADY_APPLIED"));
        api.post(path, null, application("women", "F", ADULT, "+86 138-0000-0000"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ALREADY_APPLIED"));
        api.post(path, null, application("men", "M", ADULT, "138 0000 0000"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ALREADY_APPLIED"));
        assertThat(applications(code)).isEqualTo(1);
        api.get("/api/v1/public/calls/" + code, null).andExpect(jsonPath("$.groups[0].taken").value(1))
                .andExpect(jsonPath("$.groups[1].taken").value(0));
    }

    @Test
    void anApplicantLooksUpAndWithdrawsOnlyWithTheRightPhoneAndWithdrawingFreesThePlace() throws Exception {
        String code = call(1);
        long mine = apply(code, "139-0000-0001");
        api.post("/api/v1/public/calls/" + code + "/applications", null, application("men", "M", ADULT, phone(2)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("QUOTA_FULL"));

        String wrongPhone = api.post("/api/v1/public/call-applications/" + mine + "/lookup", null,
                "{\"phone\":\"13900000002\"}").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND")).andReturn().getResponse().getContentAsString();
        String noSuchNumber = api.post("/api/v1/public/call-applications/999999999/lookup", null,
                "{\"phone\":\"13900000001\"}").andExpect(status().isNotFound()).andReturn().getResponse()
                .getContentAsString();
        assertThat(wrongPhone).doesNotContain(code).doesNotContain("SUBMITTED").doesNotContain("李明")
                .isEqualTo(noSuchNumber.replace("999999999", String.valueOf(mine)));
        api.post("/api/v1/public/call-applications/" + mine + "/withdraw", null, "{\"phone\":\"13900000002\"}")
                .andExpect(status().isNotFound());
        api.post("/api/v1/public/call-applications/" + mine + "/lookup", null, "{}").andExpect(status().isNotFound());

        api.post("/api/v1/public/call-applications/" + mine + "/lookup", null, "{\"phone\":\"+8613900000001\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(mine))
                .andExpect(jsonPath("$.call").value(code)).andExpect(jsonPath("$.group").value("men"))
                .andExpect(jsonPath("$.status").value("SUBMITTED")).andExpect(jsonPath("$.phone").doesNotExist());
        api.post("/api/v1/public/call-applications/" + mine + "/withdraw", null, "{\"phone\":\"13900000001\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WITHDRAWN"));
        api.post("/api/v1/public/call-applications/" + mine + "/withdraw", null, "{\"phone\":\"13900000001\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INVALID_TRANSITION"));
        api.post("/api/v1/call-applications/" + mine + "/confirm", admin, "")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INVALID_TRANSITION"));
        api.get("/api/v1/public/calls/" + code, null).andExpect(jsonPath("$.groups[0].taken").value(0));

        apply(code, phone(2));
        api.post("/api/v1/public/calls/" + code + "/applications", null, application("men", "M", ADULT, phone(3)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("QUOTA_FULL"));
        api.get("/api/v1/calls/" + code + "/applications", admin)
                .andExpect(jsonPath("$[0].status").value("WITHDRAWN"))
                .andExpect(jsonPath("$[1].status").value("SUBMITTED"));
    }

    @Test
    void anApplicantsKeyAnswersOnlyTheIdenticalApplicationAgain() throws Exception {
        String code = call(5);
        String path = "/api/v1/public/calls/" + code + "/applications";
        String key = "apply-" + Api.unique();
        String mine = application("men", "M", ADULT);
        String first = api.postKeyed(path, null, key, mine).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "false")).andReturn().getResponse()
                .getContentAsString();
        int id = JsonPath.read(first, "$.id");

        api.postKeyed(path, null, key, mine).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true")).andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
        String someoneElse = mine.replace("李明", "王强").replace("13800000000", "13900000000");
        String refused = api.postKeyed(path, null, key, someoneElse).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED")).andReturn().getResponse()
                .getContentAsString();
        assertThat(refused).doesNotContain("13800000000").doesNotContain("\"id\"");
        assertThat(applications(code)).isEqualTo(1);

        api.postKeyed(path, api.tokenFor("RAISER", null), key, mine).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ALREADY_APPLIED"));
        String mineFromAnotherPhone = mine.replace("13800000000", "13700000000");
        api.postKeyed(path, api.tokenFor("RAISER", null), key, mineFromAnotherPhone).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "false"))
                .andExpect(jsonPath("$.id").value(not(id)));
        assertThat(applications(code)).isEqualTo(2);
    }

    @Test
    void aBurstOfOneKeyAppliesOnce() throws Exception {
        String code = call(5);
        Api.assertAnsweredAsOne(api.keyedBurst("/api/v1/public/calls/" + code + "/applications", null,
                "burst-" + Api.unique(), application("women", "F", ADULT), 16));
        assertThat(applications(code)).isEqualTo(1);
    }

    @Test
    void opensTheChoirsCallOfTheDemoCity() throws Exception {
        api.get("/api/v1/public/calls/zz-qunxing-choir-2023", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("株洲群星合唱团 招募新团员"))
                .andExpect(jsonPath("$.groups[0].quota").value(20))
                .andExpect(jsonPath("$.groups[0].sex").value("M"))
                .andExpect(jsonPath("$.groups[0].maxAge").value(65))
                .andExpect(jsonPath("$.groups[1].quota").value(10))
                .andExpect(jsonPath("$.groups[1].sex").value("F"))
                .andExpect(jsonPath("$.groups[1].maxAge").value(62))
                .andExpect(jsonPath("$.contact").value(org.hamcrest.Matchers.containsString("15674154189(胡先生)")));
    }

    static String application(String group, String sex, String birthDate) {
        return application(group, sex, birthDate, "13800000000");
    }

    static String application(String group, String sex, String birthDate, String phone) {
        return "{\"group\":\"" + group + "\",\"name\":\"李明\",\"sex\":\"" + sex + "\",\"birthDate\":\"" + birthDate
                + "\",\"phone\":\"" + phone + "\"}";
    }

    /** The n-th of distinct mobile numbers, one per applicant of a test. */
    static String phone(int n) {
        return "139%08d".formatted(n);
    }

    private long apply(String code, String phone) throws Exception {
        String body = api.post("/api/v1/public/calls/" + code + "/applications", null,
                application("men", "M", ADULT, phone))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private String call(int quota) throws Exception {
        String code = "c-" + Api.unique();
        api.post("/api/v1/calls", admin, callJson(code, quota)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(code));
        return code;
    }

    static String callJson(String code, int quota) {
        return "{\"code\":\"" + code + "\",\"title\":\"测试合唱团招募\",\"groups\":[{\"code\":\"men\",\"quota\":" + quota
                + ",\"sex\":\"M\",\"maxAge\":65},{\"code\":\"women\",\"quota\":" + quota + ",\"sex\":\"F\",\"maxAge\":62}]}";
    }

    private long applications(String call) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM call_application a JOIN call_group g ON g.id = a.group_id
                JOIN civic_call c ON c.id = g.call_id WHERE c.code = :code""").param("code", call)
                .query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
