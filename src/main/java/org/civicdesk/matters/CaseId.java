package org.civicdesk.matters;

/** The identity of a case (办件), so that a case's id is never passed where a matter's is meant. */
public record CaseId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
