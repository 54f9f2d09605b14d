package org.civicdesk.search.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

import org.civicdesk.shared.PublicDocument;

/**
 * A row of {@code search_document}: the search's copy of one public document.
 *
 * @param date the day the document is of, if any
 * @param withdrawn whether the public may no longer read it; its texts are empty then
 * @param revision higher for every rewrite of any row, so a node keeps the latest of each document
 * @param changedAt the database's time when the transaction that wrote it began
 */
record StoredDocument(String kind, String key, String title, String body, String url, LocalDate date, boolean withdrawn,
        long revision, OffsetDateTime changedAt) {

    /** The identity of a document across kinds, as the index knows it. */
    String id() {
        return id(kind, key);
    }

    static String id(String kind, String key) {
        return kind + ":" + key;
    }

    /** Whether this row says what the module publishes now: the same document, or withdrawn when there is none. */
    boolean matches(Optional<PublicDocument> now) {
        return now.map(d -> !withdrawn && title.equals(d.title()) && body.equals(body(d)) && url.equals(d.url())
                && Objects.equals(date, d.date()))
                .orElse(withdrawn);
    }

    static String body(PublicDocument d) {
        return Objects.requireNonNullElse(d.text(), "");
    }
}
