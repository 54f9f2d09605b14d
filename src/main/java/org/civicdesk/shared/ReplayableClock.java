package org.civicdesk.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The application's clock. It reads the wall clock, except on a thread that replays the past
 * ({@link #at}): the demo city records its 2022 and 2023 through the modules' ordinary commands,
 * each at the moment the paper gives, so that no workflow exists twice only to backdate it.
 */
public class ReplayableClock extends Clock {

    private static final ThreadLocal<Instant> REPLAYED = new ThreadLocal<>();

    private final Clock wall;
    private final ZoneId zone;

    public ReplayableClock(Clock wall) {
        this(wall, wall.getZone());
    }

    private ReplayableClock(Clock wall, ZoneId zone) {
        this.wall = wall;
        this.zone = zone;
    }

    /** Runs {@code work} on this thread with every replayable clock at {@code instant}. */
    public static <T> T at(Instant instant, Supplier<T> work) {
        Instant outer = REPLAYED.get();
        REPLAYED.set(instant);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                REPLAYED.remove();
            } else {
                REPLAYED.set(outer);
            }
        }
    }

    public static void at(Instant instant, Runnable work) {
        at(instant, () -> {
            work.run();
            return null;
        });
    }

    /** The time outside any replay. */
    protected Instant wallInstant() {
        return wall.instant();
    }

    @Override
    public Instant instant() {
        Instant replayed = REPLAYED.get();
        return replayed != null ? replayed : wallInstant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        ReplayableClock outer = this;
        return new ReplayableClock(wall, other) {
            @Override
            protected Instant wallInstant() {
                return outer.wallInstant();
            }
        };
    }
}
