package org.civicdesk.matters.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** What a node keeps is never older than the reader's own last change, also while others read. */
class MatterReadsTest {

    private final MattersSettings settings = new MattersSettings(3, 2, Set.of(AnswerCategory.A), Duration.ofSeconds(1),
            Duration.ofSeconds(1));
    /** The state in the database: moved by a change that commits on another node. */
    private final AtomicInteger state = new AtomicInteger(1);
    private final AtomicBoolean readerChangedLately = new AtomicBoolean();

    private final MatterReads reads = new MatterReads(null, Clock.systemUTC(), settings, JsonMapper.builder().build()) {
        @Override
        boolean readsFresh() {
            return readerChangedLately.get();
        }
    };

    @Test
    void othersAreServedWhatIsKeptWithinTheStaleness() {
        assertThat(reads.get("board", null, state::get).value()).isEqualTo(1);
        state.set(2);
        assertThat(reads.get("board", null, state::get).value()).isEqualTo(1);
    }

    @Test
    void whoeverChangedSomethingReadsItAtOnce() {
        assertThat(reads.get("board", null, state::get).value()).isEqualTo(1);
        state.set(2);
        readerChangedLately.set(true);
        assertThat(reads.get("board", null, state::get).value()).isEqualTo(2);
    }

    @Test
    void aReadThatBeganBeforeTheReadersChangeIsNotServedToThem() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Someone else's read of the board begins before the change and ends after it.
        CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> reads.get("board", null, () -> {
            int seen = state.get();
            started.countDown();
            await(release);
            return seen;
        }).value());
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        state.set(2);
        readerChangedLately.set(true);
        // The one who made the change asks meanwhile and waits for that read to finish.
        CompletableFuture<Integer> mine = CompletableFuture.supplyAsync(() -> reads.get("board", null, state::get).value());
        Thread.sleep(200);
        release.countDown();
        assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(mine.get(10, TimeUnit.SECONDS)).isEqualTo(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
