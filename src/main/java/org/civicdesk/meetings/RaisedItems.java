package org.civicdesk.meetings;

import java.util.Collection;
import java.util.Map;

/**
 * What came of the items raised at meetings: how many were raised, closed and are still in
 * progress. The matters module implements this; meetings only asks, so the two modules depend on
 * each other in one direction only (matters → meetings).
 */
public interface RaisedItems {

    Counts forSeries(String slug);

    /** Counts per meeting id; a meeting where nothing was raised may be missing from the map. */
    Map<Long, Counts> forMeetings(Collection<Long> meetingIds);

    /** Items raised, closed, and in progress (neither closed nor rejected). */
    record Counts(long items, long closed, long inProgress) {

        public static final Counts NONE = new Counts(0, 0, 0);
    }
}
