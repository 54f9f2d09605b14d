package org.civicdesk.notices;

import java.util.List;

/**
 * A source of public content for the search, implemented by each module that publishes something.
 * An implementation reads only its own module's tables and returns only what the public may see.
 */
public interface Searchable {

    /** The kind of every document this source gives, e.g. {@code MEETING}. */
    String kind();

    /** Everything this source publishes now. */
    List<SearchDocument> documents();

    /**
     * A cheap summary that changes whenever the published content changes, read before every
     * search to tell whether the node's index is behind. A source whose module bumps
     * {@link SearchRevision} in its transactions needs none and keeps the empty default.
     */
    default String stamp() {
        return "";
    }
}
