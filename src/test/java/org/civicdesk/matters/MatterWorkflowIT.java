package org.civicdesk.matters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.civicdesk.support.Api;
import org.civicdesk.support.AuditChain;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jayway.jsonpath.JsonPath;

@IntegrationTest
class MatterWorkflowIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    String supervisor;
    String raiser;
    String raiserName;
    String drc;
    String fin;

    @BeforeEach
    void people() throws Exception {
        supervisor = api.tokenFor("SUPERVISOR", "ZZ-NPC");
        raiserName = "r-" + Api.unique();
        api.post("/api/v1/accounts", api.adminToken(), "{\"username\":\"" + raiserName
                + "\",\"password\":\"secret-pass-1\",\"displayName\":\"代表\",\"roles\":[\"RAISER\"]}")
                .andExpect(status().isCreated());
        raiser = api.token(raiserName, "secret-pass-1");
        drc = api.tokenFor("HANDLER", "ZZ-DRC");
        fin = api.tokenFor("HANDLER", "ZZ-FIN");
    }

    @Test
    void runsTheWholeWorkflowThroughReHandling() throws Exception {
        long id = raise(raiser, "SUGGESTION");
        api.get("/api/v1/matters/" + id, raiser).andExpect(jsonPath("$.status").value("REGISTERED"))
                .andExpect(jsonPath("$.raiser").value(raiserName));

        String assigned = api.post("/api/v1/matters/" + id + "/assignments", supervisor,
                "{\"lead\":\"ZZ-DRC\",\"co\":[\"ZZ-FIN\"]}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.cases.length()").value(2))
                .andExpect(jsonPath("$.cases[0].orgCode").value("ZZ-DRC"))
                .andExpect(jsonPath("$.cases[0].role").value("LEAD"))
                .andExpect(jsonPath("$.cases[1].role").value("CO"))
                .andExpect(jsonPath("$.cases[0].dueDate").isString())
                .andReturn().getResponse().getContentAsString();
        long lead = ((Number) JsonPath.read(assigned, "$.cases[0].id")).longValue();
        long co = ((Number) JsonPath.read(assigned, "$.cases[1].id")).longValue();
        api.get("/api/v1/matters/" + id, raiser).andExpect(jsonPath("$.status").value("ASSIGNED"));

        api.post("/api/v1/cases/" + lead + "/sign", drc, "").andExpect(status().isOk());
        api.get("/api/v1/matters/" + id, raiser).andExpect(jsonPath("$.status").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.cases[0].status").value("SIGNED"));
        api.post("/api/v1/cases/" + co + "/sign", fin, "").andExpect(status().isOk());
        api.post("/api/v1/cases/" + co + "/opinion", fin, "{\"text\":\"财政局意见：资金可统筹安排。\"}")
                .andExpect(status().isOk());
        api.post("/api/v1/cases/" + lead + "/contacts", drc, "{\"method\":\"PHONE\",\"note\":\"电话沟通\"}")
                .andExpect(status().isOk());
        api.post("/api/v1/cases/" + lead + "/answer", drc, "{\"category\":\"B\",\"text\":\"已列入计划。\"}")
                .andExpect(status().isOk());
        api.get("/api/v1/matters/" + id, raiser).andExpect(jsonPath("$.status").value("ANSWERED"))
                .andExpect(jsonPath("$.followUp").value(true))
                .andExpect(jsonPath("$.cases[0].category").value("B"))
                .andExpect(jsonPath("$.cases[1].opinion").doesNotExist());

        api.post("/api/v1/matters/" + id + "/evaluation", raiser, "{\"rating\":\"UNSATISFIED\",\"comment\":\"太慢\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REHANDLING"));
        api.get("/api/v1/matters/" + id, supervisor).andExpect(jsonPath("$.cases[0].status").value("REHANDLING"));
        api.post("/api/v1/cases/" + lead + "/answer", drc, "{\"category\":\"A\",\"text\":\"已解决。\"}")
                .andExpect(status().isOk());
        api.post("/api/v1/matters/" + id + "/evaluation", raiser, "{\"rating\":\"SATISFIED\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
        api.get("/api/v1/matters/" + id, raiser).andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.rating").value("SATISFIED"))
                .andExpect(jsonPath("$.cases[0].status").value("CLOSED"));
        AuditChain.awaitChained(jdbc);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type IN ('matter','case') AND "
                + "(entity_id = :m OR entity_id = :l)").param("m", Long.toString(id)).param("l", Long.toString(lead))
                .query(Long.class).single()).isGreaterThanOrEqualTo(7);
    }

    @Test
    void aSatisfiedRatingClosesAndAnUnsatisfiedSecondRatingClosesToo() throws Exception {
        long first = raise(raiser, "PROBLEM");
        long lead = assignAndAnswer(first);
        api.post("/api/v1/matters/" + first + "/evaluation", raiser, "{\"rating\":\"BASICALLY_SATISFIED\"}")
                .andExpect(jsonPath("$.status").value("CLOSED"));

        long second = raise(raiser, "PROBLEM");
        long lead2 = assignAndAnswer(second);
        api.post("/api/v1/matters/" + second + "/evaluation", raiser, "{\"rating\":\"UNSATISFIED\"}")
                .andExpect(jsonPath("$.status").value("REHANDLING"));
        api.post("/api/v1/cases/" + lead2 + "/answer", drc, "{\"category\":\"C\",\"text\":\"留作参考。\"}");
        api.post("/api/v1/matters/" + second + "/evaluation", raiser, "{\"rating\":\"UNSATISFIED\"}")
                .andExpect(jsonPath("$.status").value("CLOSED"));
        assertThat(lead).isPositive();
    }

    @Test
    void refusesActionsOutOfTurnOrByTheWrongPeopleAndChangesNothing() throws Exception {
        long id = raise(raiser, "SUGGESTION");
        api.post("/api/v1/matters/" + id + "/evaluation", raiser, "{\"rating\":\"SATISFIED\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INVALID_TRANSITION"));
        api.post("/api/v1/matters/" + id + "/assignments", drc, "{\"lead\":\"ZZ-DRC\"}")
                .andExpect(status().isForbidden());
        api.post("/api/v1/matters/" + id + "/assignments", supervisor, "{\"lead\":\"NO-SUCH\",\"co\":[\"ZZ-DRC\",\"ZZ-DRC\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("lead")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("co[1]")));
        assertThat(caseCount(id)).isZero();

        String assigned = api.post("/api/v1/matters/" + id + "/assignments", supervisor,
                "{\"lead\":\"ZZ-DRC\",\"co\":[\"ZZ-FIN\"]}").andReturn().getResponse().getContentAsString();
        long lead = ((Number) JsonPath.read(assigned, "$.cases[0].id")).longValue();
        long co = ((Number) JsonPath.read(assigned, "$.cases[1].id")).longValue();
        api.post("/api/v1/matters/" + id + "/assignments", supervisor, "{\"lead\":\"ZZ-FIN\"}")
                .andExpect(status().isConflict());
        api.post("/api/v1/cases/" + lead + "/answer", drc, "{\"category\":\"A\",\"text\":\"x\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INVALID_TRANSITION"));
        api.post("/api/v1/cases/" + lead + "/sign", fin, "").andExpect(status().isForbidden());
        api.post("/api/v1/cases/" + lead + "/sign", raiser, "").andExpect(status().isForbidden());
        api.post("/api/v1/cases/" + lead + "/sign", drc, "").andExpect(status().isOk());
        api.post("/api/v1/cases/" + lead + "/sign", drc, "").andExpect(status().isConflict());
        api.post("/api/v1/cases/" + co + "/sign", fin, "").andExpect(status().isOk());
        api.post("/api/v1/cases/" + co + "/answer", fin, "{\"category\":\"A\",\"text\":\"x\"}")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("CO_HANDLER_CANNOT_ANSWER"));
        api.post("/api/v1/cases/" + lead + "/opinion", drc, "{\"text\":\"x\"}").andExpect(status().isForbidden());
        api.post("/api/v1/cases/" + lead + "/answer", drc, "{\"category\":\"E\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("category")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("text")));
        api.get("/api/v1/matters/" + id, raiser).andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        api.post("/api/v1/cases/" + lead + "/answer", drc, "{\"category\":\"A\",\"text\":\"答复\"}")
                .andExpect(status().isOk());
        api.post("/api/v1/matters/" + id + "/evaluation", api.tokenFor("RAISER", null), "{\"rating\":\"SATISFIED\"}")
                .andExpect(status().isForbidden());
        api.post("/api/v1/matters/" + id + "/evaluation", raiser, "{\"rating\":\"PERFECT\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("rating"));
        api.get("/api/v1/matters/" + id, raiser).andExpect(jsonPath("$.status").value("ANSWERED"));
        api.get("/api/v1/matters/999999999", supervisor).andExpect(status().isNotFound());
        api.post("/api/v1/cases/999999999/sign", drc, "").andExpect(status().isNotFound());
    }

    @Test
    void validatesWhatIsRaisedAndWhoRaisesIt() throws Exception {
        api.post("/api/v1/matters", raiser, "{\"type\":\"WISH\",\"title\":\"\",\"content\":\"x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("type")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")));
        api.post("/api/v1/matters", drc, "{\"type\":\"APPEAL\",\"title\":\"t\",\"content\":\"c\"}")
                .andExpect(status().isForbidden());
        api.post("/api/v1/matters", supervisor, "{\"type\":\"APPEAL\",\"title\":\"t\",\"content\":\"c\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("raiser"));
        String body = api.post("/api/v1/matters", supervisor, "{\"type\":\"APPEAL\",\"title\":\"热线来电\",\"content\":\"c\","
                + "\"raiser\":\"" + raiserName + "\",\"channel\":\"HOTLINE\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("REGISTERED"))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        api.get("/api/v1/matters/" + id, raiser).andExpect(jsonPath("$.raiser").value(raiserName))
                .andExpect(jsonPath("$.channel").value("HOTLINE"));
        api.post("/api/v1/matters", raiser, "{\"type\":\"APPEAL\",\"title\":\"t\",\"content\":\"c\",\"raiser\":\"admin\"}")
                .andExpect(status().isForbidden());
    }

    @Test
    void showsEachReaderOnlyWhatItMaySee() throws Exception {
        long id = raise(raiser, "SUGGESTION");
        api.post("/api/v1/matters/" + id + "/assignments", supervisor, "{\"lead\":\"ZZ-DRC\"}");
        api.get("/api/v1/matters/" + id, drc).andExpect(status().isOk());
        api.get("/api/v1/matters/" + id, fin).andExpect(status().isForbidden());
        api.get("/api/v1/matters/" + id, api.tokenFor("RAISER", null)).andExpect(status().isForbidden());
        api.get("/api/v1/cases", drc).andExpect(jsonPath("$.items[*].matterId", hasItem((int) id)));
        api.get("/api/v1/cases", fin).andExpect(status().isOk());
        api.get("/api/v1/cases?org=ZZ-DRC", fin).andExpect(status().isForbidden());
        api.get("/api/v1/matters?mine=true", raiser).andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
        api.get("/api/v1/supervision/board", drc).andExpect(status().isForbidden());
        api.get("/api/v1/supervision/board", supervisor).andExpect(status().isOk());
    }

    @Test
    void ofTwoHandlersSigningAtOnceOneWinsAndTheOtherIsToldWhy() throws Exception {
        long id = raise(raiser, "APPEAL");
        String assigned = api.post("/api/v1/matters/" + id + "/assignments", supervisor, "{\"lead\":\"ZZ-DRC\"}")
                .andReturn().getResponse().getContentAsString();
        long lead = ((Number) JsonPath.read(assigned, "$.cases[0].id")).longValue();
        String other = api.tokenFor("HANDLER", "ZZ-DRC");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (String token : List.of(drc, other)) {
            Callable<Integer> sign = () -> {
                start.await();
                return api.post("/api/v1/cases/" + lead + "/sign", token, "").andReturn().getResponse().getStatus();
            };
            results.add(pool.submit(sign));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_event WHERE case_id = :c AND kind = 'SIGNED'").param("c", lead)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDepartmentReturnsAWronglyAssignedCaseAndTheSupervisorReassignsIt() throws Exception {
        long id = raise(raiser, "SUGGESTION");
        String assigned = api.post("/api/v1/matters/" + id + "/assignments", supervisor, "{\"lead\":\"ZZ-DRC\"}")
                .andReturn().getResponse().getContentAsString();
        long lead = ((Number) JsonPath.read(assigned, "$.cases[0].id")).longValue();
        api.post("/api/v1/cases/" + lead + "/return", drc, "{}").andExpect(status().isBadRequest());
        api.post("/api/v1/cases/" + lead + "/return", drc, "{\"reason\":\"属财政局职责\"}").andExpect(status().isOk());
        api.post("/api/v1/cases/" + lead + "/reassign", supervisor, "{\"orgCode\":\"ZZ-FIN\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cases.length()").value(2))
                .andExpect(jsonPath("$.cases[0].status").value("RETURNED"))
                .andExpect(jsonPath("$.cases[1].orgCode").value("ZZ-FIN"))
                .andExpect(jsonPath("$.cases[1].role").value("LEAD"));
        api.post("/api/v1/cases/" + lead + "/reassign", supervisor, "{\"orgCode\":\"ZZ-HURD\"}")
                .andExpect(status().isConflict());
        api.get("/api/v1/supervision/board", supervisor)
                .andExpect(jsonPath("$.returned[*].caseId", org.hamcrest.Matchers.not(hasItem((int) lead))));
        api.get("/api/v1/public/stats/matters", null).andExpect(status().isOk());
    }

    @Test
    void extensionsNeedASupervisorAndStayWithinTheLimit() throws Exception {
        long id = raise(raiser, "SUGGESTION");
        String assigned = api.post("/api/v1/matters/" + id + "/assignments", supervisor, "{\"lead\":\"ZZ-DRC\"}")
                .andReturn().getResponse().getContentAsString();
        long lead = ((Number) JsonPath.read(assigned, "$.cases[0].id")).longValue();
        String due = JsonPath.read(assigned, "$.cases[0].dueDate");
        java.time.LocalDate dueDate = java.time.LocalDate.parse(due);
        api.post("/api/v1/cases/" + lead + "/extension", drc, "{\"until\":\"" + dueDate.plusMonths(5) + "\",\"reason\":\"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("until"));
        api.post("/api/v1/cases/" + lead + "/extension", drc, "{\"until\":\"" + dueDate.plusMonths(1) + "\",\"reason\":\"需调研\"}")
                .andExpect(status().isOk());
        api.post("/api/v1/cases/" + lead + "/extension/decision", drc, "{\"grant\":true}").andExpect(status().isForbidden());
        api.post("/api/v1/cases/" + lead + "/extension/decision", supervisor, "{\"grant\":true}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cases[0].dueDate").value(dueDate.plusMonths(1).toString()));
        api.post("/api/v1/cases/" + lead + "/extension/decision", supervisor, "{\"grant\":true}")
                .andExpect(status().isConflict());
    }

    @Test
    void mergingIntoAMatterThatDoesNotExistNamesTheFieldAndChangesNothing() throws Exception {
        long id = raise(raiser, "SUGGESTION");
        api.post("/api/v1/matters/" + id + "/merge", supervisor, "{\"into\":999999999}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("into"));
        api.post("/api/v1/matters/" + id + "/merge", supervisor, "{\"into\":" + id + "}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("into"));
        api.get("/api/v1/matters/" + id, supervisor).andExpect(jsonPath("$.status").value("REGISTERED"));
    }

    /**
     * Two departments signing their cases of one matter at once both succeed: the second to save finds
     * the matter's version moved and runs again on the matter as the first left it.
     */
    @Test
    void twoDepartmentsSigningTheirCasesOfOneMatterAtOnceBothSucceed() throws Exception {
        for (int round = 0; round < 5; round++) {
            long id = raise(raiser, "SUGGESTION");
            String assigned = api.post("/api/v1/matters/" + id + "/assignments", supervisor,
                    "{\"lead\":\"ZZ-DRC\",\"co\":[\"ZZ-FIN\"]}").andReturn().getResponse().getContentAsString();
            long lead = ((Number) JsonPath.read(assigned, "$.cases[0].id")).longValue();
            long co = ((Number) JsonPath.read(assigned, "$.cases[1].id")).longValue();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (Object[] signer : new Object[][] { { drc, lead }, { fin, co } }) {
                results.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/v1/cases/" + signer[1] + "/sign", (String) signer[0], "").andReturn()
                            .getResponse().getStatus();
                }));
            }
            start.countDown();
            for (Future<Integer> f : results) {
                assertThat(f.get()).isEqualTo(200);
            }
            pool.shutdown();
            api.get("/api/v1/matters/" + id, supervisor).andExpect(jsonPath("$.status").value("IN_PROGRESS"))
                    .andExpect(jsonPath("$.cases[0].status").value("SIGNED"))
                    .andExpect(jsonPath("$.cases[1].status").value("SIGNED"));
            assertThat(jdbc.sql("SELECT version FROM matter WHERE id = :m").param("m", id).query(Integer.class)
                    .single()).as("one version for each change: assigned, then two signatures").isEqualTo(3);
        }
    }

    private long raise(String token, String type) throws Exception {
        String body = api.post("/api/v1/matters", token, "{\"type\":\"" + type + "\",\"title\":\"关于加快园区道路建设的建议\","
                + "\"content\":\"建议尽快打通园区断头路。联系电话13812345678。\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private long assignAndAnswer(long id) throws Exception {
        String assigned = api.post("/api/v1/matters/" + id + "/assignments", supervisor, "{\"lead\":\"ZZ-DRC\"}")
                .andReturn().getResponse().getContentAsString();
        long lead = ((Number) JsonPath.read(assigned, "$.cases[0].id")).longValue();
        api.post("/api/v1/cases/" + lead + "/sign", drc, "").andExpect(status().isOk());
        api.post("/api/v1/cases/" + lead + "/answer", drc, "{\"category\":\"A\",\"text\":\"已解决\"}")
                .andExpect(status().isOk());
        return lead;
    }

    private long caseCount(long matterId) {
        return jdbc.sql("SELECT COUNT(*) FROM handling_case WHERE matter_id = :m").param("m", matterId)
                .query(Long.class).single();
    }
}
