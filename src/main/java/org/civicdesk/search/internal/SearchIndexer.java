package org.civicdesk.search.internal;

import org.civicdesk.shared.PublicContentChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Keeps the search in step with every module: when a module announces that what the public reads of
 * one thing changed, the search's copy of that one document is brought in line and this node's index
 * updated. Delivered after the module's transaction commits, through the event publication registry,
 * so a delivery that a dying node never completed is not lost; delivering one twice changes nothing.
 */
@Component
class SearchIndexer {

    private final SearchDocuments documents;
    private final SearchIndex index;

    SearchIndexer(SearchDocuments documents, SearchIndex index) {
        this.documents = documents;
        this.index = index;
    }

    /** Without a transaction of its own: the row must have committed before this node's index shows it. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PublicContentChanged change) {
        documents.refresh(change.contentKind(), change.contentKey()).ifPresent(index::apply);
    }
}
