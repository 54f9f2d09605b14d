package org.civicdesk.meetings;

import java.util.Optional;

/** Looks series and meetings up for other modules. */
public interface Meetings {

    Optional<SeriesRef> series(String slug);

    Optional<MeetingRef> meeting(long id);

    /** A meeting by its number in a series, e.g. the 17th breakfast meeting. */
    Optional<MeetingRef> meeting(String seriesSlug, int number);

    /** The account of a participant, if it takes part as an account rather than as a name recorded by the organiser. */
    Optional<String> participantAccount(long participantId);
}
