package org.civicdesk.shared;

/**
 * Tells every app node that something changed, so that what a node keeps in memory about it stops
 * being used. A topic has a version on each node; it goes up on the node that made a change as soon
 * as the change commits (before the request that made it returns), and on every other node when the
 * database's notice of it arrives, within milliseconds. A node that cannot hear those notices (its
 * listening connection is down) gives a new version on every call, so that nothing it kept is used.
 */
public interface Changes {

    /**
     * Marks {@code topic} changed, when the current transaction commits (nothing if it rolls back), or
     * at once outside a transaction.
     */
    void changed(String topic);

    /**
     * The version of {@code topic} on this node. Something read after this call, and kept with the
     * version, is up to date for as long as the version stays the same.
     */
    long version(String topic);
}
