package org.civicdesk.meetings;

/**
 * A meeting as an organiser or another module sends it; the meetings module checks every field.
 * Times are ISO-8601 instants with an offset, e.g. {@code 2023-02-25T07:30:00+08:00}.
 *
 * @param series the slug of its series
 * @param number its number in the series, e.g. 17 for the 17th breakfast meeting
 * @param status {@code DRAFT} or {@code PUBLISHED} (the default)
 */
public record MeetingCommand(String series, Integer number, String title, String startsAt, String endsAt,
        String venue, String host, String theme, String themeCategory, Integer capacity, Boolean selfRegistration,
        String status) {
}
