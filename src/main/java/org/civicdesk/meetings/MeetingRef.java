package org.civicdesk.meetings;

import java.time.OffsetDateTime;

/**
 * A meeting as other modules see it: enough to name it as the source of what was raised there.
 * {@code published} says whether the public may see it (published or closed); a draft is its
 * organisers' alone, so other modules show it only to staff.
 */
public record MeetingRef(long id, String seriesSlug, int number, String title, OffsetDateTime startsAt,
        boolean published) {
}
