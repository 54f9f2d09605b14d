package org.civicdesk.charity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

import com.jayway.jsonpath.JsonPath;

/**
 * A 99 Giving Day burst: many payment reports at once, and retries of one report racing each
 * other. Every key counts once, and receipt numbers stay unique and without gaps.
 */
@IntegrationTest
class GivingDayBurstIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoHundredConcurrentDonationsCountExactlyAndGetGapFreeReceipts() throws Exception {
        String officer = api.tokenFor("CHARITY_OFFICER", null);
        String code = campaign(officer);
        List<Callable<MockHttpServletResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String key = "burst-" + Api.unique() + "-" + i;
            String body = "{\"campaign\":\"" + code + "\",\"amount\":\"" + (i % 2 == 0 ? "0.01" : "99.99")
                    + "\",\"donorName\":\"捐赠人" + i + "\"}";
            calls.add(() -> donate(officer, key, body));
        }
        List<MockHttpServletResponse> answers = all(calls);
        Set<Long> ids = new HashSet<>();
        for (MockHttpServletResponse answer : answers) {
            assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(201);
            ids.add(JsonPath.<Number>read(answer.getContentAsString(), "$.id").longValue());
        }
        assertThat(ids).hasSize(200);
        Receipts.awaitIssued(jdbc);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT r.receipt_no) FROM charity_donation d JOIN charity_receipt r ON r.donation_id = d.id "
                + "WHERE d.campaign_id = "
                + "(SELECT id FROM charity_campaign WHERE code = :code)").param("code", code).query(Long.class).single())
                .isEqualTo(200L);
        api.get("/api/v1/public/campaigns/" + code, null)
                .andExpect(jsonPath("$.raised").value("10000.00"))
                .andExpect(jsonPath("$.donations").value(200))
                .andExpect(jsonPath("$.donors").value(200));
        Receipts.assertGapFree(jdbc);
    }

    @Test
    void concurrentRetriesOfOneKeyCountOnce() throws Exception {
        String officer = api.tokenFor("CHARITY_OFFICER", null);
        String code = campaign(officer);
        List<Callable<MockHttpServletResponse>> calls = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            String key = "retry-" + Api.unique();
            String body = "{\"campaign\":\"" + code + "\",\"amount\":\"12.34\"}";
            for (int retry = 0; retry < 8; retry++) {
                calls.add(() -> donate(officer, key, body));
            }
        }
        List<MockHttpServletResponse> answers = all(calls);
        Set<Object> ids = new HashSet<>();
        for (MockHttpServletResponse answer : answers) {
            assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(201);
            ids.add(JsonPath.read(answer.getContentAsString(), "$.id"));
        }
        assertThat(ids).hasSize(10);
        api.get("/api/v1/public/campaigns/" + code, null)
                .andExpect(jsonPath("$.raised").value("123.40"))
                .andExpect(jsonPath("$.donations").value(10))
                .andExpect(jsonPath("$.donors").value(10));
        Receipts.assertGapFree(jdbc);
    }

    private String campaign(String officer) throws Exception {
        String code = "GD-" + Api.unique();
        api.post("/api/v1/campaigns", officer, "{\"code\":\"" + code + "\",\"name\":\"99公益日测试\"}")
                .andExpect(status().isCreated());
        return code;
    }

    private MockHttpServletResponse donate(String token, String key, String body) throws Exception {
        return api.mvc().perform(post("/api/v1/donations").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn()
                .getResponse();
    }

    /** Starts every call at once from a pool of threads, as a burst of requests arrives. */
    private static List<MockHttpServletResponse> all(List<Callable<MockHttpServletResponse>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<MockHttpServletResponse>> futures = new ArrayList<>();
            for (Callable<MockHttpServletResponse> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<MockHttpServletResponse> answers = new ArrayList<>();
            for (Future<MockHttpServletResponse> f : futures) {
                answers.add(f.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
