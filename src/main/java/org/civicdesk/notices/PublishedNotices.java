package org.civicdesk.notices;

import java.util.List;
import java.util.Optional;

/** Published notices as other modules may tell the public of them (those who subscribed to a kind). */
public interface PublishedNotices {

    /** A published notice: its kind (e.g. {@code HEALTH_ALERT}) and title. */
    record PublishedNotice(long id, String kind, String title) {
    }

    /** Every kind a notice may be, in the order the notices pages list them. */
    List<String> kinds();

    /** The notice while it is published; empty for a draft or an unknown one. */
    Optional<PublishedNotice> published(long id);
}
