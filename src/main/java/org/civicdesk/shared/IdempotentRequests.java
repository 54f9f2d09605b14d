package org.civicdesk.shared;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.annotation.JsonInclude;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency keys (幂等键) of the API's creating requests: a client that lost the answer to a request
 * sends it again with the same {@code Idempotency-Key} header, and it is done once. A key belongs to
 * the account that sent it, or to nobody when no one signed in, and to one kind of request (its
 * scope). The same key with the same request answers again with what the first request made, with
 * the status the first answer had; with another request it is refused with
 * {@code 409 IDEMPOTENCY_KEY_REUSED}, so whoever guesses someone else's key learns nothing of its
 * answer; another account's same key is another request. Without a key a request is simply done.
 * Donations keep their keys on the ledger, which has rules of its own.
 *
 * <p>The key's row is inserted in the transaction of the action and before it, so the two commit
 * together or not at all, and a second request with the same key waits on the row's primary key until
 * the first has committed, then fails on it and answers with the first's result. Callers are
 * controllers, outside any transaction: the transaction is this class's.
 */
@Component
public class IdempotentRequests {

    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final String KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";

    /** The header's rules, for the OpenAPI description of each operation that takes it. */
    public static final String API_DOC = "An optional Idempotency-Key header (at most 200 characters) makes a "
            + "retry count once. A key belongs to the account that sends it: the same key with the same body "
            + "answers again with what the first request made, with the status the first answer had and the header "
            + "Idempotent-Replayed: true (false on a first answer); with another body it is 409 "
            + "IDEMPOTENCY_KEY_REUSED; another account's same key is another request. Keys are kept for 7 days "
            + "unless the city configured otherwise.";

    /** The account of requests that nobody signed in to send; no username can be this. */
    static final String NOBODY = "-";
    static final int MAX_KEY_LENGTH = 200;

    /**
     * H2 stops waiting for another transaction's row after 2 seconds, where PostgreSQL waits until it
     * commits; a request that stopped waiting looks again this many times in all.
     */
    private static final int ATTEMPTS = 5;

    /** Field order, white space and absent or null fields make no difference to a request's fingerprint. */
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    /**
     * What an action made: its answer, the id it is found by again, and whether the action made it
     * (201) or found it made before (200, as a registration the caller already had).
     */
    public record Made<T>(T result, long id, boolean created) {

        public static <T> Made<T> created(T result, ToLongFunction<T> id) {
            return new Made<>(result, id.applyAsLong(result), true);
        }
    }

    /**
     * The answer to a request.
     *
     * @param replayed whether a key answered again with an earlier result; {@code null} when the request
     *        had no key, and its answer has no {@code Idempotent-Replayed} header, as before keys existed
     */
    public record Answer<T>(T result, boolean created, Boolean replayed) {

        public ResponseEntity<T> respond() {
            return status().body(result);
        }

        public ResponseEntity<T> respond(Function<T, URI> location) {
            return status().location(location.apply(result)).body(result);
        }

        private ResponseEntity.BodyBuilder status() {
            ResponseEntity.BodyBuilder answer = ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK);
            return replayed == null ? answer : answer.header(REPLAYED_HEADER, replayed.toString());
        }
    }

    private record Entry(String requestHash, long resultId, boolean created) {
    }

    /** The key was taken by a request that committed, or is still running, before this one's insert. */
    private static final class Taken extends RuntimeException {

        private final DataAccessException failure;

        Taken(DataAccessException failure) {
            super(failure);
            this.failure = failure;
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final IdempotencySettings settings;

    IdempotentRequests(JdbcClient jdbc, TransactionTemplate tx, Clock clock, IdempotencySettings settings) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Does {@code action} once for {@code key}, or answers with what it made for the key before.
     *
     * @param scope the kind of request, such as {@code places.booking}
     * @param key the {@code Idempotency-Key} header, or {@code null}
     * @param request what the request asks, as the path and the body were read: its fingerprint tells a
     *        repeat from another request with the same key
     * @param recorded finds what the action made by its id, to answer a repeat
     */
    public <T> Answer<T> once(String scope, String key, Object request, Supplier<Made<T>> action,
            LongFunction<T> recorded) {
        if (key == null) {
            Made<T> made = action.get();
            return new Answer<>(made.result(), made.created(), null);
        }
        new Checks().required(KEY_HEADER, key).maxLength(KEY_HEADER, key, MAX_KEY_LENGTH).throwIfAny();
        String account = Actor.current().map(Actor::username).orElse(NOBODY);
        String hash = fingerprint(request);
        for (int attempt = 1;; attempt++) {
            Optional<Entry> earlier = find(account, scope, key);
            if (earlier.isPresent()) {
                return replay(earlier.get(), hash, recorded);
            }
            try {
                return tx.execute(status -> {
                    claim(account, scope, key, hash);
                    Made<T> made = action.get();
                    jdbc.sql("""
                            UPDATE idempotent_request SET result_id = :id, created = :created
                            WHERE account = :account AND scope = :scope AND idempotency_key = :key""")
                            .param("id", made.id()).param("created", made.created()).param("account", account)
                            .param("scope", scope).param("key", key).update();
                    return new Answer<>(made.result(), made.created(), false);
                });
            } catch (Taken taken) {
                if (attempt == ATTEMPTS) {
                    throw taken.failure;
                }
            }
        }
    }

    private void claim(String account, String scope, String key, String hash) {
        try {
            jdbc.sql("""
                    INSERT INTO idempotent_request (account, scope, idempotency_key, request_hash, recorded_at)
                    VALUES (:account, :scope, :key, :hash, :now)""")
                    .param("account", account).param("scope", scope).param("key", key).param("hash", hash)
                    .param("now", OffsetDateTime.now(clock)).update();
        } catch (DuplicateKeyException | CannotAcquireLockException takenBefore) {
            throw new Taken(takenBefore);
        }
    }

    private Optional<Entry> find(String account, String scope, String key) {
        return jdbc.sql("""
                SELECT request_hash, result_id, created FROM idempotent_request
                WHERE account = :account AND scope = :scope AND idempotency_key = :key""")
                .param("account", account).param("scope", scope).param("key", key)
                .query((rs, n) -> new Entry(rs.getString("request_hash"), rs.getLong("result_id"),
                        rs.getBoolean("created")))
                .optional();
    }

    private static <T> Answer<T> replay(Entry earlier, String hash, LongFunction<T> recorded) {
        if (!earlier.requestHash().equals(hash)) {
            throw Problems.conflict(KEY_REUSED, "problem.idempotencyKeyReused");
        }
        return new Answer<>(recorded.apply(earlier.resultId()), earlier.created(), true);
    }

    /** SHA-256 of the request as canonical JSON. */
    static String fingerprint(Object request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(CANONICAL.writeValueAsString(request).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** Keys older than {@code civicdesk.idempotency.kept-for} are forgotten, by one node at a time. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @SchedulerLock(name = "idempotency.forgetOldKeys", lockAtMostFor = "30m")
    public void forgetOldKeys() {
        jdbc.sql("DELETE FROM idempotent_request WHERE recorded_at < :before")
                .param("before", OffsetDateTime.now(clock).minus(settings.keptFor())).update();
    }
}
