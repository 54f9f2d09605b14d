package org.civicdesk.support;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.civicdesk.shared.ReplayableClock;

/**
 * A clock that a test sets to the day it needs, e.g. the eve of the 2023 Spring Festival. It still
 * lets the demo city replay its past, as the application's clock does.
 */
public class MutableClock extends ReplayableClock {

    private volatile Instant now = Instant.now();

    public MutableClock() {
        super(Clock.system(ZoneOffset.UTC));
    }

    public void set(String isoDateTimeWithOffset) {
        now = OffsetDateTime.parse(isoDateTimeWithOffset).toInstant();
    }

    @Override
    protected Instant wallInstant() {
        return now;
    }
}
