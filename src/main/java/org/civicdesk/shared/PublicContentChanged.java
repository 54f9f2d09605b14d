package org.civicdesk.shared;

/**
 * Implemented by a module's domain events that change what the public may read of one thing: its
 * {@link PublicContent} of {@link #contentKind()} now gives another document for
 * {@link #contentKey()}, or none.
 */
public interface PublicContentChanged {

    String contentKind();

    String contentKey();
}
