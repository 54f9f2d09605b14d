package org.civicdesk.meetings;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Looks series and meetings up for other modules. */
public interface Meetings {

    Optional<SeriesRef> series(String slug);

    Optional<MeetingRef> meeting(long id);

    /** A meeting by its number in a series, e.g. the 17th breakfast meeting. */
    Optional<MeetingRef> meeting(String seriesSlug, int number);

    /** The account of a participant, if it takes part as an account rather than as a name recorded by the organiser. */
    Optional<String> participantAccount(long participantId);

    /**
     * The accounts expected at published meetings that start from {@code from} (inclusive) until
     * {@code until} (exclusive): registrations confirmed and invitations accepted.
     */
    List<ExpectedAttendee> expectedBetween(OffsetDateTime from, OffsetDateTime until);
}
