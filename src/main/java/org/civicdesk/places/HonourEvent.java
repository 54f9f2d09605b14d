package org.civicdesk.places;

import org.civicdesk.shared.PublicContentChanged;

/**
 * What happens in the registry of honours (荣誉), published in the transaction that makes it happen
 * and delivered to other modules' listeners once it commits.
 */
public sealed interface HonourEvent extends PublicContentChanged {

    /** The kind of public content an honour is. */
    String CONTENT_KIND = "HONOUR";

    long honourId();

    @Override
    default String contentKind() {
        return CONTENT_KIND;
    }

    @Override
    default String contentKey() {
        return Long.toString(honourId());
    }

    /** An honour an organisation received was recorded. */
    record Recorded(long honourId) implements HonourEvent {
    }
}
