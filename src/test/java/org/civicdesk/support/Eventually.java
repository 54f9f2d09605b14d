package org.civicdesk.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Waits for what a background job does moments after a change commits (the audit chainer, the
 * receipt issuer). The patience is far beyond the jobs' fraction of a second, so that only a job that
 * stopped fails a test; it is not a measure of speed.
 */
public final class Eventually {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private Eventually() {
    }

    public static void await(String what, BooleanSupplier done) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("Still not " + what + " after " + PATIENCE);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
