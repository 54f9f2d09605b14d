package org.civicdesk.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.civicdesk.calendar.WorkingCalendar;
import org.civicdesk.meetings.MeetingRef;
import org.civicdesk.meetings.Meetings;
import org.civicdesk.support.Api;
import org.civicdesk.support.Api.Account;
import org.civicdesk.support.AuditChain;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jayway.jsonpath.JsonPath;

/**
 * The projects part of the API contract: batches with their checklists, projects whose stage moves
 * forward only and not past DECLARED while an approval is missing, who may do what, the public list;
 * technology-transfer deals and their figures; every refusal, which changes nothing.
 */
@IntegrationTest
class ProjectsApiIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    Meetings meetings;

    String admin;
    Account supervisor;
    String owner;

    @BeforeEach
    void setUp() throws Exception {
        admin = api.adminToken();
        supervisor = api.account("SUPERVISOR", null);
        owner = org("GOVERNMENT", false);
    }

    @Test
    void aProjectIsDeclaredOnlyOnceEveryRequiredApprovalIsObtained() throws Exception {
        String batch = batch("[{\"code\":\"LAND\",\"name\":\"用地预审与选址意见书\"},{\"code\":\"BUILD\",\"name\":\"施工许可证\"}]");
        String code = "P-" + Api.unique();
        api.post("/api/v1/projects", supervisor.token(), projectJson(code, batch, owner, "\"120000000.00\""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(code)).andExpect(jsonPath("$.stage").value("PROPOSED"))
                .andExpect(jsonPath("$.amountRequested").value("120000000.00"))
                .andExpect(jsonPath("$.approvals[*].code", containsInAnyOrder("LAND", "BUILD")))
                .andExpect(jsonPath("$.approvals[0].status").value("MISSING"))
                .andExpect(jsonPath("$.approvals[1].status").value("MISSING"));

        api.post("/api/v1/projects/" + code + "/stage", supervisor.token(), "{\"stage\":\"DECLARED\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("APPROVALS_MISSING"))
                .andExpect(jsonPath("$.missing", containsInAnyOrder("LAND", "BUILD")))
                .andExpect(jsonPath("$.detail", containsString("LAND")))
                .andExpect(jsonPath("$.detail", containsString("BUILD")));

        Account handler = api.account("HANDLER", owner);
        api.post("/api/v1/projects/" + code + "/approvals/LAND", handler.token(),
                "{\"status\":\"OBTAINED\",\"issuer\":\"市自然资源和规划局\",\"issuedOn\":\"2023-02-20\",\"documentNo\":\"株资规预〔2023〕12号\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.approvals[?(@.code == 'LAND')].status").value(hasItem("OBTAINED")))
                .andExpect(jsonPath("$.approvals[?(@.code == 'LAND')].issuedOn").value(hasItem("2023-02-20")))
                .andExpect(jsonPath("$.approvals[?(@.code == 'LAND')].documentNo").value(hasItem("株资规预〔2023〕12号")));
        api.post("/api/v1/projects/" + code + "/stage", supervisor.token(), "{\"stage\":\"UNDER_REVIEW\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.missing", containsInAnyOrder("BUILD")));
        api.get("/api/v1/public/projects?batch=" + batch, null).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value(code)).andExpect(jsonPath("$[0].name").value("示范园区道路"))
                .andExpect(jsonPath("$[0].stage").value("PROPOSED"))
                .andExpect(jsonPath("$[0].approvalsObtained").value(1))
                .andExpect(jsonPath("$[0].approvalsRequired").value(2));

        api.post("/api/v1/projects/" + code + "/approvals/BUILD", supervisor.token(), "{\"status\":\"OBTAINED\"}")
                .andExpect(status().isOk());
        api.post("/api/v1/projects/" + code + "/stage", supervisor.token(), "{\"stage\":\"DECLARED\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("DECLARED"));
        api.post("/api/v1/projects/" + code + "/stage", admin, "{\"stage\":\"ISSUED\",\"amountGranted\":\"80000000\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("ISSUED"))
                .andExpect(jsonPath("$.amountGranted").value("80000000.00"));
        api.get("/api/v1/public/projects?batch=" + batch, null)
                .andExpect(jsonPath("$[0].stage").value("ISSUED")).andExpect(jsonPath("$[0].approvalsObtained").value(2));
        AuditChain.awaitChained(jdbc);
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE entity_type = 'project' AND entity_id = :c")
                .param("c", code).query(String.class).list()).containsExactlyInAnyOrder("project.created",
                        "project.approvalRecorded", "project.approvalRecorded", "project.stageChanged",
                        "project.stageChanged");
    }

    @Test
    void theStageMovesForwardOnlyAndADeclaredProjectKeepsItsApprovals() throws Exception {
        String batch = batch("[{\"code\":\"ONLY\",\"name\":\"立项\"}]");
        String code = project(batch);
        api.post("/api/v1/projects/" + code + "/stage", supervisor.token(), "{\"stage\":\"PROPOSED\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INVALID_TRANSITION"));
        api.post("/api/v1/projects/" + code + "/approvals/ONLY", supervisor.token(), "{\"status\":\"OBTAINED\"}")
                .andExpect(status().isOk());
        api.post("/api/v1/projects/" + code + "/stage", supervisor.token(), "{\"stage\":\"APPROVED\"}")
                .andExpect(status().isOk());
        api.post("/api/v1/projects/" + code + "/stage", supervisor.token(), "{\"stage\":\"DECLARED\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INVALID_TRANSITION"));
        api.post("/api/v1/projects/" + code + "/stage", supervisor.token(), "{\"stage\":\"APPROVED\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INVALID_TRANSITION"));
        api.post("/api/v1/projects/" + code + "/approvals/ONLY", supervisor.token(), "{\"status\":\"MISSING\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INVALID_TRANSITION"));
        api.post("/api/v1/projects/" + code + "/stage", supervisor.token(), "{\"stage\":\"FINISHED\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("stage"));
        api.get("/api/v1/public/projects/" + code, null).andExpect(jsonPath("$.stage").value("APPROVED"))
                .andExpect(jsonPath("$.approvals[0].status").value("OBTAINED"));
    }

    @Test
    void aBatchWithoutAChecklistTakesTheDefaultOneDocumentThreePermits() throws Exception {
        String code = "B-" + Api.unique();
        api.post("/api/v1/project-batches", admin, "{\"code\":\"" + code + "\",\"name\":\"默认清单批次\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.requiredApprovals[*].code", containsInAnyOrder("SITE_LAND", "LAND_PLANNING",
                        "WORKS_PLANNING", "CONSTRUCTION")));
        String project = project(code);
        api.get("/api/v1/public/projects/" + project, null).andExpect(jsonPath("$.approvalsRequired").value(4));
    }

    @Test
    void refusesBadBatchesAndProjectsNamingEachFieldAndWritesNothing() throws Exception {
        long batches = count("project_batch");
        long projects = count("project");
        api.post("/api/v1/project-batches", supervisor.token(),
                "{\"code\":\"bad code\",\"name\":\" \",\"requiredApprovals\":[{\"code\":\"A\",\"name\":\"x\"},{\"code\":\"A\",\"name\":\"y\"}]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("code", "name", "requiredApprovals[1].code")));
        String batch = batch("[{\"code\":\"A\",\"name\":\"立项\"}]");
        api.post("/api/v1/project-batches", supervisor.token(), "{\"code\":\"" + batch + "\",\"name\":\"again\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DUPLICATE"));
        api.post("/api/v1/projects", supervisor.token(),
                projectJson("P-" + Api.unique(), "NO-SUCH-" + Api.unique(), "NO-ORG-" + Api.unique(), "\"12.345\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("batch", "ownerOrg", "amountRequested")))
                .andExpect(jsonPath("$.detail", containsString("ownerOrg")));
        api.post("/api/v1/projects", supervisor.token(), "{\"code\":\"P-" + Api.unique() + "\",\"batch\":\"" + batch
                + "\",\"name\":\"x\",\"ownerOrg\":\"" + owner + "\",\"amountRequested\":\"0\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("amountRequested"));
        String code = project(batch);
        api.post("/api/v1/projects", supervisor.token(), projectJson(code, batch, owner, "\"1.00\""))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DUPLICATE"));
        api.post("/api/v1/projects/" + code + "/approvals/A", supervisor.token(),
                "{\"status\":\"DONE\",\"issuedOn\":\"20 Feb\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("status", "issuedOn")));
        api.post("/api/v1/projects/" + code + "/approvals/NOPE", supervisor.token(), "{\"status\":\"OBTAINED\"}")
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        api.post("/api/v1/projects/NO-" + Api.unique() + "/stage", supervisor.token(), "{\"stage\":\"DECLARED\"}")
                .andExpect(status().isNotFound());
        api.get("/api/v1/public/projects/NO-" + Api.unique(), null).andExpect(status().isNotFound());
        api.get("/api/v1/public/projects?batch=NO-" + Api.unique(), null).andExpect(status().isNotFound());
        assertThat(count("project_batch")).isEqualTo(batches + 1);
        assertThat(count("project")).isEqualTo(projects + 1);
        api.get("/api/v1/public/projects/" + code, null).andExpect(jsonPath("$.approvals[0].status").value("MISSING"));
    }

    @Test
    void onlySupervisorsAndAdministratorsRecordAndOnlyTheOwnersHandlersTick() throws Exception {
        String batch = batch("[{\"code\":\"A\",\"name\":\"立项\"}]");
        String code = project(batch);
        String raiser = api.account("RAISER", null).token();
        api.post("/api/v1/project-batches", null, "{\"code\":\"X\",\"name\":\"x\"}").andExpect(status().isUnauthorized());
        api.post("/api/v1/project-batches", raiser, "{\"code\":\"X-" + Api.unique() + "\",\"name\":\"x\"}")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN"));
        api.post("/api/v1/projects", api.account("HANDLER", owner).token(), projectJson("P-" + Api.unique(), batch,
                owner, "\"1.00\"")).andExpect(status().isForbidden());
        api.post("/api/v1/projects/" + code + "/approvals/A", api.account("HANDLER", org("GOVERNMENT", false)).token(),
                "{\"status\":\"OBTAINED\"}").andExpect(status().isForbidden());
        api.post("/api/v1/projects/" + code + "/approvals/A", raiser, "{\"status\":\"OBTAINED\"}")
                .andExpect(status().isForbidden());
        api.post("/api/v1/projects/" + code + "/approvals/A", null, "{\"status\":\"OBTAINED\"}")
                .andExpect(status().isUnauthorized());
        api.post("/api/v1/projects/" + code + "/stage", api.account("HANDLER", owner).token(), "{\"stage\":\"DECLARED\"}")
                .andExpect(status().isForbidden());
        api.get("/api/v1/public/projects/" + code, null).andExpect(jsonPath("$.approvals[0].status").value("MISSING"))
                .andExpect(jsonPath("$.stage").value("PROPOSED"));
    }

    @Test
    void aBlockerIsDueInWorkingDaysAndTheDepartmentThatMustClearItClearsIt() throws Exception {
        String code = project(batch("[{\"code\":\"A\",\"name\":\"立项\"}]"));
        String department = org("GOVERNMENT", false);
        api.post("/api/v1/projects/" + code + "/blockers", supervisor.token(),
                "{\"description\":\"\",\"org\":\"NO-" + Api.unique() + "\",\"workingDays\":0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("description", "org", "workingDays")));
        api.post("/api/v1/projects/" + code + "/blockers", api.account("HANDLER", department).token(),
                "{\"description\":\"用地指标待调整\",\"org\":\"" + department + "\",\"workingDays\":5}")
                .andExpect(status().isForbidden());
        String body = api.post("/api/v1/projects/" + code + "/blockers", supervisor.token(),
                "{\"description\":\"用地指标待调整\",\"org\":\"" + department + "\",\"workingDays\":5}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.overdue").value(false))
                .andReturn().getResponse().getContentAsString();
        LocalDate raised = LocalDate.parse(JsonPath.read(body, "$.raisedOn"));
        assertThat(LocalDate.parse((String) JsonPath.read(body, "$.dueOn"))).isEqualTo(calendar.addWorkingDays(raised, 5));
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        api.post("/api/v1/projects/" + code + "/blockers/" + id + "/clear", api.account("HANDLER", owner).token(), "{}")
                .andExpect(status().isForbidden());
        api.post("/api/v1/projects/" + code + "/blockers/" + id + "/clear", api.account("HANDLER", department).token(), "{}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.clearedOn").isNotEmpty());
        api.post("/api/v1/projects/" + code + "/blockers/" + id + "/clear", supervisor.token(), "{}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INVALID_TRANSITION"));
        api.get("/api/v1/projects/" + code + "/blockers", supervisor.token()).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].description").value("用地指标待调整"));
    }

    @Test
    void supervisorsLinkTheMeetingsThatDiscussedAProjectAndTheMeetingShowsIt() throws Exception {
        String code = project(batch("[{\"code\":\"A\",\"name\":\"立项\"}]"));
        MeetingRef dispatch = meetings.meeting("bond-dispatch", 1).orElseThrow();
        String link = "{\"meeting\":" + dispatch.id() + "}";
        api.post("/api/v1/projects/" + code + "/meetings", api.account("HANDLER", owner).token(), link)
                .andExpect(status().isForbidden());
        api.post("/api/v1/projects/" + code + "/meetings", supervisor.token(), "{}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("meeting"));
        api.post("/api/v1/projects/" + code + "/meetings", supervisor.token(), "{\"meeting\":987654321}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("meeting"));
        api.post("/api/v1/projects/NO-" + Api.unique() + "/meetings", supervisor.token(), link)
                .andExpect(status().isNotFound());
        api.get("/api/v1/public/projects/" + code + "/meetings", null).andExpect(jsonPath("$.length()").value(0));

        api.post("/api/v1/projects/" + code + "/meetings", supervisor.token(), link).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(dispatch.id()))
                .andExpect(jsonPath("$[0].title").value("本级地方政府专项债调度会"));
        api.post("/api/v1/projects/" + code + "/meetings", admin, link).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1));
        api.get("/api/v1/public/projects/" + code + "/meetings", null).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", contains((int) dispatch.id())));
        api.mvc().perform(get("/public/meetings/" + dispatch.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/public/projects/" + code + "\"")));

        api.delete("/api/v1/projects/" + code + "/meetings/" + dispatch.id(), api.account("HANDLER", owner).token())
                .andExpect(status().isForbidden());
        api.delete("/api/v1/projects/" + code + "/meetings/" + dispatch.id(), supervisor.token())
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        api.delete("/api/v1/projects/" + code + "/meetings/" + dispatch.id(), supervisor.token())
                .andExpect(status().isNotFound());
        api.mvc().perform(get("/public/meetings/" + dispatch.id())).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/public/projects/" + code))));
        AuditChain.awaitChained(jdbc);
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE entity_type = 'project' AND entity_id = :c")
                .param("c", code).query(String.class).list()).containsExactlyInAnyOrder("project.created",
                        "project.meetingLinked", "project.meetingUnlinked");
    }

    @Test
    void aDraftMeetingLinkedToAProjectIsShownToStaffOnly() throws Exception {
        String code = project(batch("[{\"code\":\"A\",\"name\":\"立项\"}]"));
        String slug = "s-" + Api.unique();
        api.post("/api/v1/series", admin, "{\"slug\":\"" + slug + "\",\"name\":\"调度会\"}")
                .andExpect(status().isCreated());
        String body = api.post("/api/v1/meetings", admin, "{\"series\":\"" + slug + "\",\"number\":1,"
                + "\"title\":\"尚未发布的调度会\",\"startsAt\":\"2023-03-28T09:00:00+08:00\",\"venue\":\"市政府\","
                + "\"theme\":\"专项债\",\"themeCategory\":\"调度\",\"capacity\":20,\"selfRegistration\":false,\"status\":\"DRAFT\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long draft = ((Number) JsonPath.read(body, "$.id")).longValue();
        api.post("/api/v1/projects/" + code + "/meetings", supervisor.token(), "{\"meeting\":" + draft + "}")
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(draft));

        api.get("/api/v1/public/projects/" + code + "/meetings", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        api.get("/api/v1/public/projects/" + code + "/meetings", supervisor.token())
                .andExpect(jsonPath("$[0].title").value("尚未发布的调度会"));
        api.mvc().perform(get("/public/projects/" + code)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("尚未发布的调度会"))));
    }

    @Test
    void recordsDealsAndCountsTheirFiguresByEventFormAndTheCitysShare() throws Exception {
        String event = "专利转化对接会 " + Api.unique();
        String university = org("UNIVERSITY", false);
        String enterprise = org("ENTERPRISE", false);
        String outsideA = org("ENTERPRISE", true);
        String outsideB = org("UNIVERSITY", true);
        api.post("/api/v1/deals", supervisor.token(), dealJson("一种冶炼渣衍生物", university, enterprise, "EQUITY",
                "\"100000000.50\"", event)).andExpect(status().isCreated()).andExpect(jsonPath("$.id").isNumber());
        api.post("/api/v1/deals", admin, dealJson("交叉许可", enterprise, outsideA, "CROSS_LICENCE", "null", event))
                .andExpect(status().isCreated());
        String body = api.post("/api/v1/deals", supervisor.token(), dealJson("外地转让", outsideB, outsideA, "TRANSFER",
                "\"49999999.50\"", event)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long outsideDeal = ((Number) JsonPath.read(body, "$.id")).longValue();
        api.get("/api/v1/public/deals/stats?event=" + event, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.deals").value(3)).andExpect(jsonPath("$.amount").value("150000000.00"))
                .andExpect(jsonPath("$.local").value(2)).andExpect(jsonPath("$.byForm.EQUITY").value(1))
                .andExpect(jsonPath("$.byForm.CROSS_LICENCE").value(1)).andExpect(jsonPath("$.byForm.TRANSFER").value(1))
                .andExpect(jsonPath("$.byForm.LICENCE").value(0));
        api.get("/api/v1/public/deals/stats?event=无此会 " + Api.unique(), null).andExpect(jsonPath("$.deals").value(0))
                .andExpect(jsonPath("$.amount").value("0.00")).andExpect(jsonPath("$.local").value(0));
        api.get("/api/v1/public/deals/" + outsideDeal, null).andExpect(jsonPath("$.from[0].code").value(outsideB))
                .andExpect(jsonPath("$.from[0].external").value(true)).andExpect(jsonPath("$.local").value(false))
                .andExpect(jsonPath("$.signedOn").value("2023-02-27"));
        AuditChain.awaitChained(jdbc);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'deal' AND entity_id = :id")
                .param("id", Long.toString(outsideDeal)).query(Long.class).single()).isEqualTo(1);
        await().untilAsserted(() -> api.get("/api/v1/public/search?q=外地转让&kind=DEAL", null)
                .andExpect(jsonPath("$.hits[*].url", hasItem("/public/deals#deal-" + outsideDeal))));
    }

    @Test
    void refusesBadDealsNamingEachFieldAndWritesNothing() throws Exception {
        String enterprise = org("ENTERPRISE", false);
        long deals = count("tech_deal");
        api.post("/api/v1/deals", supervisor.token(), "{\"title\":\"\",\"from\":[],\"to\":[\"NO-" + Api.unique()
                + "\"],\"form\":\"GIFT\",\"amount\":\"1e9\",\"signedOn\":\"yesterday\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("title", "from", "to", "form", "amount",
                        "signedOn")));
        api.post("/api/v1/deals", supervisor.token(), "{\"title\":\"x\",\"from\":[\"" + enterprise + "\"],\"to\":[\""
                + enterprise + "\"]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("form", "signedOn")));
        api.post("/api/v1/deals", api.account("HANDLER", enterprise).token(),
                dealJson("x", enterprise, enterprise, "TRANSFER", "null", null)).andExpect(status().isForbidden());
        api.post("/api/v1/deals", null, dealJson("x", enterprise, enterprise, "TRANSFER", "null", null))
                .andExpect(status().isUnauthorized());
        assertThat(count("tech_deal")).isEqualTo(deals);
    }

    private String org(String kind, boolean external) throws Exception {
        String code = "ORG-" + Api.unique();
        api.post("/api/v1/orgs", admin, "{\"code\":\"" + code + "\",\"name\":\"机构 " + code + "\",\"kind\":\"" + kind
                + "\"" + (external ? ",\"external\":true" : "") + "}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.external").value(external));
        return code;
    }

    private String batch(String approvals) throws Exception {
        String code = "B-" + Api.unique();
        api.post("/api/v1/project-batches", supervisor.token(), "{\"code\":\"" + code
                + "\",\"name\":\"第二批专项债储备项目\",\"requiredApprovals\":" + approvals + "}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.code").value(code));
        return code;
    }

    private String project(String batch) throws Exception {
        String code = "P-" + Api.unique();
        api.post("/api/v1/projects", supervisor.token(), projectJson(code, batch, owner, "\"5000000.00\""))
                .andExpect(status().isCreated());
        return code;
    }

    private static String projectJson(String code, String batch, String owner, String amount) {
        return "{\"code\":\"" + code + "\",\"batch\":\"" + batch + "\",\"name\":\"示范园区道路\",\"ownerOrg\":\"" + owner
                + "\",\"amountRequested\":" + amount + ",\"district\":\"天元区\"}";
    }

    private static String dealJson(String title, String from, String to, String form, String amount, String event) {
        return "{\"title\":\"" + title + "\",\"patentNo\":\"ZL2020" + Api.unique() + "\",\"from\":[\"" + from
                + "\"],\"to\":[\"" + to + "\"],\"form\":\"" + form + "\",\"amount\":" + amount + ",\"event\":"
                + (event == null ? "null" : "\"" + event + "\"") + ",\"signedOn\":\"2023-02-27\"}";
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
