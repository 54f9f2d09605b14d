package org.civicdesk.charity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

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

    @Autowired
    PlatformTransactionManager transactions;

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

    /**
     * Numbers follow the order in which donations commit, not their ids: a donation whose transaction
     * is still open when a later one commits gets the next number only once it commits, and none is
     * skipped or left behind. The donation's ledger row is never written again: its receipt is a row
     * of its own.
     */
    @Test
    void aDonationCommittedLateIsNumberedAfterThoseCommittedBeforeItAndItsRowIsNotRewritten() throws Exception {
        String officer = api.tokenFor("CHARITY_OFFICER", null);
        String code = campaign(officer);
        long campaignId = jdbc.sql("SELECT id FROM charity_campaign WHERE code = :c").param("c", code)
                .query(Long.class).single();
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        ExecutorService late = Executors.newSingleThreadExecutor();
        Future<Long> lateId = late.submit(() -> tx.execute(status -> {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO charity_donation (campaign_id, amount, donor_name, anonymous, received_on, handled_by,
                        handler_name, idempotency_key, request_hash, example, created_at)
                    VALUES (:c, 7.00, NULL, TRUE, CURRENT_DATE, 'late-channel', 'Late channel', :k, 'h', FALSE,
                        CURRENT_TIMESTAMP)""").param("c", campaignId).param("k", Api.unique()).update(keys, "id");
            long id = keys.getKey().longValue();
            inserted.countDown();
            try {
                assertThat(commit.await(60, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return id;
        }));
        try {
            assertThat(inserted.await(60, TimeUnit.SECONDS)).isTrue();
            long early = JsonPath.<Number>read(api.mvc().perform(post("/api/v1/donations")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + officer).header("Idempotency-Key", Api.unique())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"campaign\":\"" + code + "\",\"amount\":\"3\"}"))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id").longValue();
            Map<String, Object> before = row(early);
            Receipts.awaitIssued(jdbc);
            String earlyReceipt = receipt(early);
            assertThat(earlyReceipt).as("the donation that committed first").isNotNull();
            assertThat(row(early)).as("the ledger row after numbering").isEqualTo(before);
            commit.countDown();
            long lateDonation = lateId.get(60, TimeUnit.SECONDS);
            assertThat(lateDonation).as("the late donation's id comes first").isLessThan(early);
            Receipts.awaitIssued(jdbc);
            assertThat(number(receipt(lateDonation))).as("the late donation's number")
                    .isEqualTo(number(earlyReceipt) + 1);
        } finally {
            commit.countDown();
            late.shutdown();
        }
        Receipts.assertGapFree(jdbc);
    }

    /**
     * The issuer reads the ledger above its watermark, which passes a donation only once its receipt
     * is older than the intake's transactions can stay open: by then no lower id can still commit.
     */
    @Test
    void theWatermarkPassesOnlyDonationsNumberedLongerAgoThanAnIntakeTransactionLasts() throws Exception {
        String officer = api.tokenFor("CHARITY_OFFICER", null);
        String code = campaign(officer);
        long donation = JsonPath.<Number>read(api.mvc().perform(post("/api/v1/donations")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + officer).header("Idempotency-Key", Api.unique())
                .contentType(MediaType.APPLICATION_JSON).content("{\"campaign\":\"" + code + "\",\"amount\":\"4\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id").longValue();
        Receipts.awaitIssued(jdbc);
        issuer.issuePending();
        assertThat(watermark()).as("just numbered: a lower id might still commit").isLessThan(donation);
        jdbc.sql("UPDATE charity_receipt SET issued_at = :then WHERE donation_id = :id")
                .param("then", OffsetDateTime.now().minusHours(1)).param("id", donation).update();
        // The next run that looks back (at most ReceiptIssuer.LOOK_BACK_EVERY from now) moves it.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            issuer.issuePending();
            return watermark() >= donation;
        });
    }

    /**
     * A donation whose commit the database stalled past the watermark's wait is below the watermark
     * without a receipt; the hourly sweep numbers it, next in the year's sequence.
     */
    @Test
    void theSweepNumbersADonationTheWatermarkPassedWithoutItsReceipt() throws Exception {
        String officer = api.tokenFor("CHARITY_OFFICER", null);
        String code = campaign(officer);
        long stalled = -Math.abs(System.nanoTime() % 1_000_000_000L) - 1;
        jdbc.sql("""
                INSERT INTO charity_donation (id, campaign_id, amount, donor_name, anonymous, received_on, handled_by,
                    handler_name, idempotency_key, request_hash, example, created_at)
                SELECT :id, c.id, 7.00, NULL, TRUE, CURRENT_DATE, 'charity', '慈善', :key, 'x', FALSE, CURRENT_TIMESTAMP
                FROM charity_campaign c WHERE c.code = :code""")
                .param("id", stalled).param("key", Api.unique()).param("code", code).update();
        issuer.issuePending();
        assertThat(receipt(stalled)).as("below the watermark: the regular issuer never looks").isNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            issuer.sweepBelowWatermark();
            return receipt(stalled) != null;
        });
        Receipts.assertGapFree(jdbc);
    }

    private long watermark() {
        return jdbc.sql("SELECT below_id FROM charity_receipt_watermark").query(Long.class).single();
    }

    private String receipt(long donation) {
        return jdbc.sql("SELECT receipt_no FROM charity_receipt WHERE donation_id = :id").param("id", donation)
                .query(String.class).optional().orElse(null);
    }

    private static long number(String receipt) {
        return Long.parseLong(receipt.substring(receipt.indexOf('-') + 1));
    }

    /** The ledger row, and on PostgreSQL the transaction that wrote its current version. */
    private Map<String, Object> row(long donation) {
        Map<String, Object> row = new HashMap<>(jdbc.sql("SELECT * FROM charity_donation WHERE id = :id")
                .param("id", donation).query().singleRow());
        if ("postgres".equals(TestDatabase.current())) {
            row.put("xmin", jdbc.sql("SELECT xmin::text FROM charity_donation WHERE id = :id").param("id", donation)
                    .query(String.class).single());
        }
        return row;
    }

    private void assertEveryDonationNumberedOnceWithoutGaps(String code, int donations) {
        Receipts.assertGapFree(jdbc);
        assertThat(jdbc.sql("""
                SELECT COUNT(DISTINCT r.receipt_no) FROM charity_donation d JOIN charity_campaign c ON c.id = d.campaign_id
                    JOIN charity_receipt r ON r.donation_id = d.id
                WHERE c.code = :code""").param("code", code).query(Long.class).single()).isEqualTo(donations);
    }

    private String campaign(String officer) throws Exception {
        String code = "RI-" + Api.unique();
        api.post("/api/v1/campaigns", officer, "{\"code\":\"" + code + "\",\"name\":\"票据测试\"}")
                .andExpect(status().isCreated());
        return code;
    }
}
