package org.civicdesk.charity.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.civicdesk.shared.CitySettings;
import org.springframework.stereotype.Component;

/**
 * Today's date in the city: a donation received just after midnight in Zhuzhou belongs to the new
 * day and, on 1 January, to the new year's receipt numbers, whatever the server's own zone.
 */
@Component
class CityDate {

    private final Clock clock;
    private final ZoneId zone;

    CityDate(Clock clock, CitySettings city) {
        this.clock = clock;
        this.zone = city.timeZone();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
