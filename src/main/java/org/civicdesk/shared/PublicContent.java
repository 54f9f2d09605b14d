package org.civicdesk.shared;

import java.util.List;
import java.util.Optional;

/**
 * What a module publishes of one kind, for whoever shows public content beyond the module's own
 * pages (the search). A module implements it in its internal package, reading only its own tables,
 * and announces each change with an event that implements {@link PublicContentChanged}; so the
 * dependency points from the reader to the shared kernel, never into the module.
 */
public interface PublicContent {

    /** The kind of every document this source gives, e.g. {@code MEETING}. */
    String kind();

    /** The document as the public may read it now; empty once it is withdrawn or was never public. */
    Optional<PublicDocument> document(String key);

    /** Everything of this kind that the public may read now. */
    List<PublicDocument> documents();

    /**
     * Whether a document of this kind is a page that gathers others, such as a series' page its
     * meetings: the search puts it first when its title holds what the reader typed.
     */
    default boolean gathersOthers() {
        return false;
    }
}
