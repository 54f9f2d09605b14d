package org.civicdesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.civicdesk.CivicDeskApplication;
import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.civicdesk.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

import com.jayway.jsonpath.JsonPath;

/**
 * A node that dies between the commit of a change and its listeners' work loses no event: the
 * publication registry keeps each delivery in the change's transaction, and another node delivers
 * it again once it has been unfinished long enough.
 */
@IntegrationTest
class EventRedeliveryIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IncompleteEventPublications incomplete;

    @Test
    void aCaseAssignedOnANodeThatDiedIsNotifiedByAnotherNode() throws Exception {
        String supervisor = api.tokenFor("SUPERVISOR", null);
        String raiser = api.tokenFor("RAISER", null);
        long caseId;
        // A node whose listeners never get to run: as far as they know, it dies right after each commit.
        try (ConfigurableApplicationContext dying = new SpringApplicationBuilder(CivicDeskApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("taskExecutor",
                        TaskExecutor.class, () -> task -> {
                        }))
                .profiles(new TestDatabase().resolve(EventRedeliveryIT.class))
                .run("--server.port=0", "--civicdesk.scheduling.enabled=false", "--civicdesk.demo.enabled=false")) {
            String node = "http://127.0.0.1:" + ((WebServerApplicationContext) dying).getWebServer().getPort();
            String raised = post(node, "/api/v1/matters", raiser,
                    "{\"type\":\"APPEAL\",\"title\":\"楼道灯坏了\",\"content\":\"c\"}");
            long matterId = ((Number) JsonPath.read(raised, "$.id")).longValue();
            String assigned = post(node, "/api/v1/matters/" + matterId + "/assignments", supervisor,
                    "{\"lead\":\"ZZ-CIVIL\"}");
            caseId = ((Number) JsonPath.read(assigned, "$.cases[0].id")).longValue();
        }
        assertThat(notifications(caseId)).as("the dying node's listener never ran").isZero();
        assertThat(unfinished()).isPositive();

        EventRedelivery patient = new EventRedelivery(incomplete, new EventRedelivery.Settings(Duration.ofHours(1)));
        patient.redeliver();
        Thread.sleep(300);
        assertThat(notifications(caseId)).as("not yet: it might still be running on a live node").isZero();

        EventRedelivery redelivery = new EventRedelivery(incomplete, new EventRedelivery.Settings(Duration.ZERO));
        redelivery.redeliver();
        redelivery.redeliver();
        await().untilAsserted(() -> assertThat(notifications(caseId)).isEqualTo(1));
        redelivery.redeliver();
        await().untilAsserted(() -> assertThat(unfinishedFor(caseId)).isZero());
        assertThat(notifications(caseId)).as("a second delivery writes nothing twice").isEqualTo(1);
    }

    private long notifications(long caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE kind = 'NEW_CASE' AND case_id = :c")
                .param("c", caseId).query(Long.class).single();
    }

    private long unfinished() {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class)
                .single();
    }

    private long unfinishedFor(long caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL "
                + "AND event_type LIKE '%CasesAssigned' AND serialized_event LIKE :c")
                .param("c", "%\"id\":{\"value\":" + caseId + "}%").query(Long.class).single();
    }

    private static String post(String node, String path, String token, String json) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(201);
        return response.body();
    }
}
