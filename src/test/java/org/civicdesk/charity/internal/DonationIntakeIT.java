package org.civicdesk.charity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.civicdesk.charity.CharityEvent;
import org.civicdesk.support.Api;
import org.civicdesk.support.Eventually;
import org.civicdesk.support.IntegrationTest;
import org.civicdesk.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

import com.jayway.jsonpath.JsonPath;

/**
 * Donations are written in batches, one transaction each, and every request is still answered on its
 * own. To put chosen requests in one batch, a donation to a "gate" campaign holds the writer inside
 * its batch (a listener of its event waits) while the others queue; they are the next batch.
 */
@IntegrationTest
class DonationIntakeIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DonationLedger ledger;

    @Autowired
    AbstractApplicationContext context;

    @Test
    void aBatchAnswersEachDonationOnItsOwnKeyRepeatsAndRefusalsIncluded() throws Exception {
        String officer = api.tokenFor("CHARITY_OFFICER", null);
        String code = campaign(officer);
        String earlierKey = Api.unique();
        long earlier = id(donate(officer, earlierKey, code, "5.00"));
        String a = Api.unique();
        String b = Api.unique();
        Map<String, Callable<MockHttpServletResponse>> batch = new LinkedHashMap<>();
        batch.put("a", () -> donate(officer, a, code, "1.00"));
        batch.put("a again", () -> donate(officer, a, code, "1.00"));
        batch.put("a, another amount", () -> donate(officer, a, code, "9.99"));
        batch.put("b", () -> donate(officer, b, code, "2.00"));
        batch.put("earlier again", () -> donate(officer, earlierKey, code, "5.00"));
        batch.put("earlier, another amount", () -> donate(officer, earlierKey, code, "6.00"));
        Map<String, MockHttpServletResponse> answers = inOneBatch(officer, batch,
                () -> donate(officer, Api.unique(), code, "-1"));
        assertThat(answers.get("meanwhile").getStatus()).as("refused before it could join a batch").isEqualTo(400);

        List<MockHttpServletResponse> keyA = List.of(answers.get("a"), answers.get("a again"));
        Api.assertAnsweredAsOne(keyA);
        assertThat(answers.get("a, another amount").getStatus()).isEqualTo(409);
        assertThat(answers.get("a, another amount").getContentAsString()).contains("IDEMPOTENCY_KEY_REUSED");
        MockHttpServletResponse donationB = answers.get("b");
        assertThat(donationB.getStatus()).isEqualTo(201);
        assertThat(donationB.getHeader("Idempotent-Replayed")).isEqualTo("false");
        MockHttpServletResponse earlierAgain = answers.get("earlier again");
        assertThat(earlierAgain.getStatus()).isEqualTo(201);
        assertThat(earlierAgain.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(id(earlierAgain)).isEqualTo(earlier);
        assertThat(answers.get("earlier, another amount").getStatus()).isEqualTo(409);

        assertThat(jdbc.sql("SELECT COUNT(DISTINCT created_at) FROM charity_donation WHERE id IN (:a, :b)")
                .param("a", id(keyA.get(0))).param("b", id(donationB)).query(Long.class).single())
                .as("written by one transaction, at one time").isEqualTo(1L);
        if ("postgres".equals(TestDatabase.current())) {
            assertThat(jdbc.sql("SELECT COUNT(DISTINCT xmin::text) FROM charity_donation WHERE id IN (:a, :b)")
                    .param("a", id(keyA.get(0))).param("b", id(donationB)).query(Long.class).single())
                    .as("one transaction").isEqualTo(1L);
        }
        api.get("/api/v1/public/campaigns/" + code, null)
                .andExpect(jsonPath("$.raised").value("8.00"))
                .andExpect(jsonPath("$.donations").value(3));
    }

    @Test
    void aBatchThatFailsInTheDatabaseAnswersEachDonation503AndKeepsNone() throws Exception {
        String officer = api.tokenFor("CHARITY_OFFICER", null);
        String code = campaign(officer);
        String failing = campaign(officer);
        String good = Api.unique();
        ApplicationListener<ApplicationEvent> failInTheDatabase = event -> {
            if (recorded(event) instanceof CharityEvent.DonationRecorded d && d.campaignCode().equals(failing)) {
                jdbc.sql("SELECT 1 / (SELECT COUNT(*) FROM charity_campaign WHERE code = 'no such campaign')")
                        .query().singleValue();
            }
        };
        Map<String, Callable<MockHttpServletResponse>> batch = new LinkedHashMap<>();
        batch.put("good", () -> donate(officer, good, code, "3.00"));
        batch.put("failing", () -> donate(officer, Api.unique(), failing, "4.00"));
        batch.put("another good", () -> donate(officer, Api.unique(), code, "5.00"));
        Map<String, MockHttpServletResponse> answers;
        context.addApplicationListener(failInTheDatabase);
        try {
            answers = inOneBatch(officer, batch, null);
        } finally {
            multicaster().removeApplicationListener(failInTheDatabase);
        }
        for (MockHttpServletResponse answer : answers.values()) {
            assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(503);
            assertThat(answer.getContentAsString()).contains("DONATION_NOT_RECORDED");
        }
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM charity_donation d JOIN charity_campaign c ON c.id = d.campaign_id
                WHERE c.code IN (:a, :b)""").param("a", code).param("b", failing).query(Long.class).single())
                .as("nothing of the failed batch kept").isZero();
        MockHttpServletResponse again = donate(officer, good, code, "3.00");
        assertThat(again.getStatus()).as("sent again, the same key is a new donation").isEqualTo(201);
        assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("false");
    }

    /**
     * Holds the writer inside a batch of its own, sends the requests of {@code batch} one after the
     * other, each once the one before waits for the writer, and {@code meanwhile} (answered while the writer is held), then lets the writer
     * go: the requests of {@code batch} are its next batch. The answers, by name; {@code meanwhile}'s
     * as "meanwhile".
     */
    private Map<String, MockHttpServletResponse> inOneBatch(String officer,
            Map<String, Callable<MockHttpServletResponse>> batch, Callable<MockHttpServletResponse> meanwhile)
            throws Exception {
        String gate = campaign(officer);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ApplicationListener<ApplicationEvent> holder = event -> {
            if (recorded(event) instanceof CharityEvent.DonationRecorded d && d.campaignCode().equals(gate)) {
                held.countDown();
                await(release);
            }
        };
        context.addApplicationListener(holder);
        ExecutorService pool = Executors.newFixedThreadPool(batch.size() + 1);
        try {
            Future<MockHttpServletResponse> gated = pool.submit(() -> donate(officer, Api.unique(), gate, "1.00"));
            await(held);
            Map<String, Future<MockHttpServletResponse>> sent = new LinkedHashMap<>();
            for (Map.Entry<String, Callable<MockHttpServletResponse>> request : batch.entrySet()) {
                sent.put(request.getKey(), pool.submit(request.getValue()));
                int queued = sent.size();
                Eventually.await("queued in this order", () -> ledger.waitingToBeWritten() == queued);
            }
            Map<String, MockHttpServletResponse> answers = new LinkedHashMap<>();
            if (meanwhile != null) {
                answers.put("meanwhile", meanwhile.call());
            }
            release.countDown();
            assertThat(gated.get(60, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
            for (Map.Entry<String, Future<MockHttpServletResponse>> answer : sent.entrySet()) {
                answers.put(answer.getKey(), answer.getValue().get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            release.countDown();
            multicaster().removeApplicationListener(holder);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static Object recorded(ApplicationEvent event) {
        return event instanceof PayloadApplicationEvent<?> payload ? payload.getPayload() : null;
    }

    private ApplicationEventMulticaster multicaster() {
        return context.getBean(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME,
                ApplicationEventMulticaster.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private MockHttpServletResponse donate(String officer, String key, String code, String amount) throws Exception {
        return api.postKeyed("/api/v1/donations", officer, key,
                "{\"campaign\":\"" + code + "\",\"amount\":\"" + amount + "\"}").andReturn().getResponse();
    }

    private static long id(MockHttpServletResponse answer) throws Exception {
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(201);
        return JsonPath.<Number>read(answer.getContentAsString(), "$.id").longValue();
    }

    private String campaign(String officer) throws Exception {
        String code = "DI-" + Api.unique();
        api.post("/api/v1/campaigns", officer, "{\"code\":\"" + code + "\",\"name\":\"成组写入测试\"}")
                .andExpect(status().isCreated());
        return code;
    }
}
