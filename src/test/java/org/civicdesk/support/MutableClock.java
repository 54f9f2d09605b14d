package org.civicdesk.support;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that a test sets to the day it needs, e.g. the eve of the 2023 Spring Festival. */
public class MutableClock extends Clock {

    private volatile Instant now = Instant.now();

    public void set(String isoDateTimeWithOffset) {
        now = OffsetDateTime.parse(isoDateTimeWithOffset).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MutableClock outer = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return outer.withZone(other);
            }

            @Override
            public Instant instant() {
                return outer.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return now;
    }
}
