package org.civicdesk.notices;

/**
 * One piece of public content as the search sees it.
 *
 * @param kind what it is, e.g. {@code NOTICE}, {@code CALL}, {@code MEETING}, {@code ANSWER}
 * @param key unique within its kind, e.g. the row's id
 * @param title shown as the hit's title
 * @param text the words searched besides the title; only what the public may read
 * @param url the public page that shows it
 */
public record SearchDocument(String kind, String key, String title, String text, String url) {
}
