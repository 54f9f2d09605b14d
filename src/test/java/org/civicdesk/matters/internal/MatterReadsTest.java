package org.civicdesk.matters.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.civicdesk.directory.Directory;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.LastChange;
import org.civicdesk.shared.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

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

    @Nested
    class WhoChangedSomethingLately {

        private final Directory directory = mock(Directory.class);
        private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC);
        private final MatterReads real = new MatterReads(directory, clock, settings, JsonMapper.builder().build());
        private final Actor handler = new Actor(42, "handler", "Handler", "dept-1", Set.of(Role.HANDLER));

        @AfterEach
        void signOut() {
            SecurityContextHolder.clearContext();
        }

        @Test
        void anApiRequestKnowsFromItsTokenCheckAndAsksNothingMore() {
            signIn(Optional.of(new LastChange(clock.instant().minusMillis(1200))));
            assertThat(real.readsFresh()).isTrue();
            signIn(Optional.of(new LastChange(clock.instant().minusSeconds(3))));
            assertThat(real.readsFresh()).isFalse();
            signIn(Optional.of(LastChange.NONE));
            assertThat(real.readsFresh()).isFalse();
            verifyNoInteractions(directory);
        }

        @Test
        void aRequestWhoseTokenCheckDidNotReadItAsksTheDirectory() {
            when(directory.lastChange(42)).thenReturn(new LastChange(clock.instant().minusMillis(200)));
            signIn(Optional.empty());
            assertThat(real.readsFresh()).isTrue();
            when(directory.lastChange(42)).thenReturn(LastChange.NONE);
            assertThat(real.readsFresh()).isFalse();
        }

        @Test
        void nobodySignedInChangedNothing() {
            assertThat(real.readsFresh()).isFalse();
            verifyNoInteractions(directory);
        }

        private void signIn(Optional<LastChange> read) {
            Actor.Carrier principal = new Actor.Carrier() {
                @Override
                public Actor actor() {
                    return handler;
                }

                @Override
                public Optional<LastChange> lastChange() {
                    return read;
                }
            };
            SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(principal, null));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
