package org.civicdesk.meetings;

import java.time.OffsetDateTime;

/**
 * Someone expected at a published meeting: an account whose registration was confirmed or who
 * accepted an invitation. For reminders; it names the account, not the person.
 */
public record ExpectedAttendee(long meetingId, long participantId, String account, String title,
        OffsetDateTime startsAt, String venue) {
}
