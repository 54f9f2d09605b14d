package org.civicdesk.shared;

import java.time.LocalDate;

/**
 * One thing the public may read, as the search (and later open data) sees it.
 *
 * @param kind what it is, e.g. {@code NOTICE}, {@code CALL}, {@code MEETING}, {@code ANSWER}
 * @param key unique within its kind, e.g. the row's id
 * @param title shown as a hit's title; contact details removed
 * @param text the words searched besides the title: only what the public may read, contact details
 *        removed
 * @param url the public page that shows it
 * @param date the day it is of, as a reader would filter by (a notice's publication, a meeting's
 *        day, an answer's); null for what has no such day, such as a place
 */
public record PublicDocument(String kind, String key, String title, String text, String url, LocalDate date) {

    /**
     * Removes contact details from the title and the text here, whichever module gives them, so that
     * neither the search's copy nor a snippet cut from it can hold one.
     */
    public PublicDocument {
        title = Redactor.redact(title);
        text = Redactor.redact(text);
    }

    /** A document of no particular day. */
    public PublicDocument(String kind, String key, String title, String text, String url) {
        this(kind, key, title, text, url, null);
    }
}
