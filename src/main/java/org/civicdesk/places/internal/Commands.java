package org.civicdesk.places.internal;

/** What a manager or an organisation asks of places, as received; the services check every field. */
final class Commands {

    private Commands() {
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
}
