package org.civicdesk.meetings;

import java.util.Optional;

/** Looks series and meetings up for other modules. */
public interface Meetings {

    Optional<SeriesRef> series(String slug);

    Optional<MeetingRef> meeting(long id);
}
