package org.civicdesk.support;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.civicdesk.shared.ReplayableClock;

/**
 * The application's clock in every test context: the wall clock, until a test sets it to the day it
 * needs, e.g. the eve of the 2023 Spring Festival, where it stays until the test ends
 * ({@link MutableClockReset} puts it back to the wall clock after each test method, so that no test
 * class leaves its day to the next in the shared context). It still lets the demo city replay its
 * past, as the application's clock does.
 */
public class MutableClock extends ReplayableClock {

    /** The instant a test set, or {@code null} for the wall clock. */
    private volatile Instant fixed;

    public MutableClock() {
        // The zone of the application's own clock (SharedConfiguration).
        super(Clock.systemDefaultZone());
    }

    public void set(String isoDateTimeWithOffset) {
        fixed = OffsetDateTime.parse(isoDateTimeWithOffset).toInstant();
    }

    /** Back to the wall clock. */
    public void reset() {
        fixed = null;
    }

    @Override
    protected Instant wallInstant() {
        Instant set = fixed;
        return set != null ? set : super.wallInstant();
    }
}
