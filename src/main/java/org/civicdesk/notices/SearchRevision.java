package org.civicdesk.notices;

/**
 * The revision of searchable content shared by all nodes. A module calls {@link #bump()} in the
 * transaction that changes what it publishes, so the change and the bump commit together and every
 * node's next search sees that its index is behind.
 */
public interface SearchRevision {

    void bump();
}
