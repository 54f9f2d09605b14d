/**
 * 检索 — search: the public full-text search over everything the platform publishes (notices,
 * calls, meetings, published answers, places, honours, charity campaigns), Chinese indexed in pairs
 * of characters so that a word such as 水痘 is found inside a sentence ({@code SearchQuery} says why
 * not a word segmenter).
 *
 * <p>Each module describes what it publishes as a {@link org.civicdesk.shared.PublicContent} in its
 * internal package and announces each change with an event that implements
 * {@link org.civicdesk.shared.PublicContentChanged}. The search keeps its own copy of every public
 * document in the database, updated one document per event, and every node keeps an in-memory index
 * that follows that copy. It depends on the shared kernel only, and no module depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package org.civicdesk.search;
