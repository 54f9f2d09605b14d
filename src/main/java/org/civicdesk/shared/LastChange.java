package org.civicdesk.shared;

import java.time.Instant;

/**
 * When a person last changed something, as far as the marks kept for read-your-writes go back; read
 * together with their credentials.
 *
 * @param at the latest mark, or null when the person changed nothing within the marks kept
 */
public record LastChange(Instant at) {

    public static final LastChange NONE = new LastChange(null);

    /** Whether the person changed something at or after {@code since}. */
    public boolean since(Instant since) {
        return at != null && !at.isBefore(since);
    }
}
