package org.civicdesk.matters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.civicdesk.CivicDeskApplication;
import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.civicdesk.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.jayway.jsonpath.JsonPath;

/**
 * Two app nodes on one database: this test's context (node A, through MockMvc) and a second
 * application context serving HTTP (node B). Whoever changes something on A sees the change on B at
 * once, in the inbox, the board and the public statistics, though B keeps those reads; everybody
 * else sees it on B within a second. Each scenario runs several rounds back to back, so that B has a
 * read kept from just before the change in most of them.
 */
@IntegrationTest
class ReadsAcrossNodesIT {

    private static final int ROUNDS = 8;
    private static final Duration OTHERS_BOUND = Duration.ofSeconds(1);

    private static ConfigurableApplicationContext nodeB;
    private static String b;
    private static final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    Api api;

    String org;
    String supervisor;
    String otherSupervisor;
    String raiser;
    String handler;
    String colleague;

    @BeforeAll
    static void startNodeB() {
        nodeB = new SpringApplicationBuilder(CivicDeskApplication.class)
                .profiles(new TestDatabase().resolve(ReadsAcrossNodesIT.class))
                .run("--server.port=0", "--civicdesk.scheduling.enabled=false", "--civicdesk.demo.enabled=false");
        b = "http://127.0.0.1:" + ((WebServerApplicationContext) nodeB).getWebServer().getPort();
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @BeforeEach
    void people() throws Exception {
        org = "T-" + Api.unique();
        api.post("/api/v1/orgs", api.adminToken(), "{\"code\":\"" + org + "\",\"name\":\"测试局 " + org
                + "\",\"kind\":\"GOVERNMENT\"}").andExpect(status().isCreated());
        supervisor = api.tokenFor("SUPERVISOR", null);
        otherSupervisor = api.tokenFor("SUPERVISOR", null);
        raiser = api.tokenFor("RAISER", null);
        handler = api.tokenFor("HANDLER", org);
        colleague = api.tokenFor("HANDLER", org);
    }

    @Test
    void whoSignsACaseSeesItSignedInTheInboxOnTheOtherNodeAtOnceAndColleaguesWithinASecond() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long caseId = assignedCase();
            long assigned = System.nanoTime();
            assertThat(othersSee(assigned, () -> statusOf(onB("/api/v1/cases", colleague), caseId), "ASSIGNED"))
                    .as("round %d: a new case reaches the department's inbox on the other node", round)
                    .isLessThanOrEqualTo(OTHERS_BOUND);

            api.post("/api/v1/cases/" + caseId + "/sign", handler, "").andExpect(status().isOk());
            long signed = System.nanoTime();
            assertThat(statusOf(onB("/api/v1/cases", handler), caseId)).as("round %d: the signer's own inbox", round)
                    .isEqualTo("SIGNED");
            assertThat(othersSee(signed, () -> statusOf(onB("/api/v1/cases", colleague), caseId), "SIGNED"))
                    .isLessThanOrEqualTo(OTHERS_BOUND);
        }
    }

    @Test
    void aSupervisorWhoMarksAKeyMatterSeesItOnTheBoardOnTheOtherNodeAtOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long matter = matterOf(assignedCase());
            onB("/api/v1/supervision/board?limit=500", otherSupervisor);
            assertThat(keyMatters(onB("/api/v1/supervision/board?limit=500", supervisor))).doesNotContain(matter);

            api.post("/api/v1/matters/" + matter + "/supervision", supervisor, "{\"key\":true,\"leader\":\"市长\"}")
                    .andExpect(status().isOk());
            long marked = System.nanoTime();
            assertThat(keyMatters(onB("/api/v1/supervision/board?limit=500", supervisor)))
                    .as("round %d: the supervisor's own board", round).contains(matter);
            assertThat(othersSee(marked, () -> keyMatters(onB("/api/v1/supervision/board?limit=500", otherSupervisor))
                    .contains(matter), true)).isLessThanOrEqualTo(OTHERS_BOUND);
        }
    }

    @Test
    void aRaiserSeesItsMatterCountedInThePublicFiguresOnTheOtherNodeAtOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long items = items(onB("/api/v1/public/stats/matters", null));
            raise();
            long raised = System.nanoTime();
            assertThat(items(onB("/api/v1/public/stats/matters", raiser))).as("round %d: the raiser's figures", round)
                    .isGreaterThan(items);
            assertThat(othersSee(raised, () -> items(onB("/api/v1/public/stats/matters", null)) > items, true))
                    .isLessThanOrEqualTo(OTHERS_BOUND);
        }
    }

    /** How long after {@code since} a reader without changes of its own first sees {@code expected}. */
    private static <T> Duration othersSee(long since, Read<T> read, T expected) throws Exception {
        while (true) {
            T seen = read.get();
            Duration after = Duration.ofNanos(System.nanoTime() - since);
            if (expected.equals(seen)) {
                return after;
            }
            if (after.compareTo(OTHERS_BOUND.multipliedBy(5)) > 0) {
                return after;
            }
            Thread.sleep(20);
        }
    }

    private interface Read<T> {
        T get() throws Exception;
    }

    private long assignedCase() throws Exception {
        long id = raise();
        String assigned = api.post("/api/v1/matters/" + id + "/assignments", supervisor, "{\"lead\":\"" + org + "\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(assigned, "$.cases[0].id")).longValue();
    }

    private long raise() throws Exception {
        String body = api.post("/api/v1/matters", raiser, "{\"type\":\"APPEAL\",\"title\":\"路灯不亮\",\"content\":\"c\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private long matterOf(long caseId) throws Exception {
        String inbox = api.get("/api/v1/cases?size=500", handler).andReturn().getResponse().getContentAsString();
        List<Number> ids = JsonPath.read(inbox, "$.items[?(@.caseId == " + caseId + ")].matterId");
        return ids.get(0).longValue();
    }

    private static String statusOf(String inbox, long caseId) {
        List<String> statuses = JsonPath.read(inbox, "$.items[?(@.caseId == " + caseId + ")].status");
        return statuses.isEmpty() ? null : statuses.get(0);
    }

    private static List<Long> keyMatters(String board) {
        List<Number> ids = JsonPath.read(board, "$.keyMatters[*].id");
        return ids.stream().map(Number::longValue).toList();
    }

    private static long items(String stats) {
        return ((Number) JsonPath.read(stats, "$.items")).longValue();
    }

    private static String onB(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(b + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
