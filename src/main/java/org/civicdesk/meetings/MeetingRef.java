package org.civicdesk.meetings;

import java.time.OffsetDateTime;

/** A meeting as other modules see it: enough to name it as the source of what was raised there. */
public record MeetingRef(long id, String seriesSlug, int number, String title, OffsetDateTime startsAt) {
}
