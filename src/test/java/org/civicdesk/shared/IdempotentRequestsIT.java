package org.civicdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.civicdesk.shared.IdempotentRequests.Answer;
import org.civicdesk.shared.IdempotentRequests.Made;
import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The keys themselves: written with their action or not at all, answered by nobody's account, forgotten in time. */
@IntegrationTest
class IdempotentRequestsIT {

    private static final String SCOPE = "test.requests";

    @Autowired
    IdempotentRequests requests;

    @Autowired
    IdempotencySettings settings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aKeyIsKeptOnlyWithItsActionSoAFailedRequestIsDoneWhenSentAgain() {
        String key = "fails-" + Api.unique();
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> requests.once(SCOPE, key, "same", () -> {
            runs.incrementAndGet();
            jdbc.sql("INSERT INTO app_marker (name, created_at) VALUES (:name, :now)").param("name", key)
                    .param("now", OffsetDateTime.now(clock)).update();
            throw Problems.conflict("REFUSED", "problem.concurrent");
        }, id -> "never")).isInstanceOf(ProblemException.class);
        assertThat(keys(key)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_marker WHERE name = :name").param("name", key)
                .query(Long.class).single()).isZero();

        Answer<String> done = requests.once(SCOPE, key, "same", () -> new Made<>("made " + runs.incrementAndGet(), 7, true),
                id -> "found " + id);
        assertThat(done).isEqualTo(new Answer<>("made 2", true, false));
        assertThat(requests.once(SCOPE, key, "same", () -> new Made<>("made again", 8, true), id -> "found " + id))
                .isEqualTo(new Answer<>("found 7", true, true));
        assertThat(jdbc.sql("SELECT account FROM idempotent_request WHERE idempotency_key = :key").param("key", key)
                .query(String.class).single()).isEqualTo(IdempotentRequests.NOBODY);
    }

    @Test
    void aRequestWithoutAKeyIsSimplyDoneAndLeavesNoKey() {
        assertThat(requests.once(SCOPE, null, "same", () -> new Made<>("found", 3, false), id -> "never"))
                .isEqualTo(new Answer<>("found", false, null));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM idempotent_request WHERE result_id = 3 AND scope = :scope")
                .param("scope", SCOPE).query(Long.class).single()).isZero();
    }

    @Test
    void fingerprintsIgnoreFieldOrderAndAbsentFieldsButNotValues() {
        record Body(String name, Integer size, String note) {
        }
        assertThat(IdempotentRequests.fingerprint(new Body("a", 1, null)))
                .isEqualTo(IdempotentRequests.fingerprint(Map.of("size", 1, "name", "a")))
                .isNotEqualTo(IdempotentRequests.fingerprint(new Body("a", 2, null)))
                .hasSize(64);
    }

    @Test
    void keysOlderThanTheirKeepingAreForgottenAndTheRequestIsThenNew() {
        String old = "old-" + Api.unique();
        String young = "young-" + Api.unique();
        requests.once(SCOPE, old, "same", () -> new Made<>("first", 1, true), id -> "replayed");
        requests.once(SCOPE, young, "same", () -> new Made<>("first", 1, true), id -> "replayed");
        OffsetDateTime now = OffsetDateTime.now(clock);
        backdate(old, now.minus(settings.keptFor()).minusMinutes(1));
        backdate(young, now.minus(settings.keptFor()).plusMinutes(5));
        assertThat(settings.keptFor()).isEqualTo(Duration.ofDays(7));

        requests.forgetOldKeys();

        assertThat(keys(old)).isZero();
        assertThat(keys(young)).isOne();
        assertThat(requests.once(SCOPE, old, "same", () -> new Made<>("second", 2, true), id -> "replayed").result())
                .isEqualTo("second");
        assertThat(requests.once(SCOPE, young, "same", () -> new Made<>("second", 2, true), id -> "replayed").result())
                .isEqualTo("replayed");
    }

    private void backdate(String key, OffsetDateTime at) {
        jdbc.sql("UPDATE idempotent_request SET recorded_at = :at WHERE idempotency_key = :key").param("at", at)
                .param("key", key).update();
    }

    private long keys(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM idempotent_request WHERE idempotency_key = :key").param("key", key)
                .query(Long.class).single();
    }
}
