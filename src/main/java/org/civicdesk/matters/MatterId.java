package org.civicdesk.matters;

/** The identity of a matter, so that a matter's id is never passed where a case's is meant. */
public record MatterId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
