package org.civicdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class ReplayableClockTest {

    private static final Instant WALL = Instant.parse("2026-11-28T12:00:00Z");
    private static final Instant BREAKFAST = Instant.parse("2023-02-25T00:30:00Z");
    private static final Instant SESSION = Instant.parse("2023-01-06T02:00:00Z");

    private final ReplayableClock clock = new ReplayableClock(Clock.fixed(WALL, ZoneOffset.UTC));

    @Test
    void readsTheWallClockOutsideAReplay() {
        assertThat(clock.instant()).isEqualTo(WALL);
    }

    @Test
    void aReplayHoldsOnItsOwnThreadOnlyAndNestsAndEnds() throws Exception {
        Instant seenElsewhere = ReplayableClock.at(BREAKFAST,
                () -> CompletableFuture.supplyAsync(clock::instant).join());
        assertThat(seenElsewhere).isEqualTo(WALL);
        ReplayableClock.at(BREAKFAST, () -> {
            assertThat(clock.instant()).isEqualTo(BREAKFAST);
            ReplayableClock.at(SESSION, () -> assertThat(clock.instant()).isEqualTo(SESSION));
            assertThat(clock.instant()).isEqualTo(BREAKFAST);
        });
        assertThat(clock.instant()).isEqualTo(WALL);
    }

    @Test
    void aClockInTheCitysZoneReplaysToo() {
        Clock shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));
        assertThat(shanghai.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        ReplayableClock.at(BREAKFAST, () -> assertThat(shanghai.instant()).isEqualTo(BREAKFAST));
        assertThat(shanghai.instant()).isEqualTo(WALL);
    }
}
