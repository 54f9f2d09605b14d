package org.civicdesk.charity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.civicdesk.CivicDeskApplication;
import org.civicdesk.charity.Receipts;
import org.civicdesk.support.Api;
import org.civicdesk.support.Concurrently;
import org.civicdesk.support.IntegrationTest;
import org.civicdesk.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Receipt numbers are given after the donations commit, by whichever issuer takes the year's counter:
 * however many issuers run at once, in this node or in another, every donation gets exactly one
 * number and the numbers of a year are exactly 1..n.
 */
@IntegrationTest
class ReceiptIssuerIT {

    @Autowired
    Api api;

    @Autowired
    ReceiptIssuer issuer;

    @Autowired
    JdbcClient jdbc;

    @Test
    void issuersRacingEachOtherDuringABurstNumberEveryDonationOnceWithoutGaps() throws Exception {
        String officer = api.tokenFor("CHARITY_OFFICER", null);
        String code = campaign(officer);
        AtomicBoolean bursting = new AtomicBoolean(true);
        ExecutorService issuers = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            issuers.submit(() -> {
                while (bursting.get()) {
                    issuer.issuePending();
                }
                return null;
            });
        }
        List<Callable<Integer>> donations = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String body = "{\"campaign\":\"" + code + "\",\"amount\":\"" + (i + 1) + ".01\"}";
            donations.add(() -> api.mvc().perform(post("/api/v1/donations")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + officer).header("Idempotency-Key", Api.unique())
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus());
        }
        List<Integer> statuses = Concurrently.statuses(donations);
        bursting.set(false);
        issuers.shutdown();
        assertThat(issuers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(statuses).containsOnly(201);
        assertEveryDonationNumberedOnceWithoutGaps(code, 200);
    }

    @Test
    void twoNodesIssuingAtOnceNumberEveryDonationOnceWithoutGaps() throws Exception {
        ConfigurableApplicationContext nodeB = new SpringApplicationBuilder(CivicDeskApplication.class)
                .profiles(new TestDatabase().resolve(ReceiptIssuerIT.class))
                .run("--server.port=0", "--civicdesk.demo.enabled=false");
        try {
            String b = "http://127.0.0.1:" + ((WebServerApplicationContext) nodeB).getWebServer().getPort();
            String officer = api.tokenFor("CHARITY_OFFICER", null);
            String code = campaign(officer);
            HttpClient http = HttpClient.newHttpClient();
            List<Callable<Integer>> donations = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String body = "{\"campaign\":\"" + code + "\",\"amount\":\"" + (i + 1) + ".50\"}";
                String key = Api.unique();
                if (i % 2 == 0) {
                    donations.add(() -> api.mvc().perform(post("/api/v1/donations")
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + officer).header("Idempotency-Key", key)
                            .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus());
                } else {
                    donations.add(() -> http.send(HttpRequest.newBuilder(URI.create(b + "/api/v1/donations"))
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + officer).header("Idempotency-Key", key)
                            .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode());
                }
            }
            assertThat(Concurrently.statuses(donations)).containsOnly(201);
            assertEveryDonationNumberedOnceWithoutGaps(code, 200);
        } finally {
            nodeB.close();
        }
    }

    private void assertEveryDonationNumberedOnceWithoutGaps(String code, int donations) {
        Receipts.assertGapFree(jdbc);
        assertThat(jdbc.sql("""
                SELECT COUNT(DISTINCT d.receipt_no) FROM charity_donation d JOIN charity_campaign c ON c.id = d.campaign_id
                WHERE c.code = :code""").param("code", code).query(Long.class).single()).isEqualTo(donations);
    }

    private String campaign(String officer) throws Exception {
        String code = "RI-" + Api.unique();
        api.post("/api/v1/campaigns", officer, "{\"code\":\"" + code + "\",\"name\":\"票据测试\"}")
                .andExpect(status().isCreated());
        return code;
    }
}
