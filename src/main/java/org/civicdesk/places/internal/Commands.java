package org.civicdesk.places.internal;

import java.math.BigDecimal;

/** What an administrator, a manager or an organisation asks of places, as received; the services check every field. */
final class Commands {

    private Commands() {
    }

    record PlaceCommand(String name, String kind, String level, String district, BigDecimal lat, BigDecimal lon,
            Integer capacity, String manager, String address, String description) {
    }

    record CourseCommand(String title, String description) {
    }

    /** Dates as {@code 2023-03-01}, times as {@code 09:00}, in the city's time zone. */
    record BookingCommand(String date, String startTime, String endTime, Integer groupSize, String topic) {
    }

    record ReasonCommand(String reason) {
    }

    record FeedbackCommand(String feedback) {
    }

    record HonourCommand(String title, String awardingBody, String awardedOn, String level, String orgCode,
            String orgName, String citation) {
    }
}
