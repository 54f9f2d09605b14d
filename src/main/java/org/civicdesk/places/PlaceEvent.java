package org.civicdesk.places;

import org.civicdesk.shared.PublicContentChanged;

/**
 * What happens to a place (场所) on the public map, published in the transaction that makes it
 * happen and delivered to other modules' listeners once it commits. Each changes what the public
 * reads of the place.
 */
public sealed interface PlaceEvent extends PublicContentChanged {

    /** The kind of public content a place is. */
    String CONTENT_KIND = "PLACE";

    long placeId();

    @Override
    default String contentKind() {
        return CONTENT_KIND;
    }

    @Override
    default String contentKey() {
        return Long.toString(placeId());
    }

    /** A place was put on the map. */
    record Recorded(long placeId) implements PlaceEvent {
    }

    /** Its name, kind, address, capacity or manager changed. */
    record Changed(long placeId) implements PlaceEvent {
    }

    /** It offers a new course (课程) to visiting groups. */
    record CourseAdded(long placeId, long courseId) implements PlaceEvent {
    }
}
