package org.civicdesk.search.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.civicdesk.shared.PublicContent;
import org.civicdesk.shared.PublicDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

/**
 * 重建 — brings the search's copy of the public documents in line with every module: each document
 * that differs from what its module publishes now, or that the module no longer publishes, is
 * refreshed on its own, as an event would refresh it, so every node's index follows; documents the
 * search has no row of (after a bulk import, say) are inserted in batches. A city's public content is
 * thousands of documents, so comparing all of them is cheap; what matches is not written.
 *
 * <p>Every start checks this way, since an event whose node died before delivering it is only
 * delivered again when asked. The check takes a ShedLock lock first: of nodes starting together one
 * checks and the others leave it to that one. A node without a lock provider (scheduled jobs turned
 * off) checks anyway; the check is safe to run twice.
 */
@Component
class SearchRebuild {

    private static final Logger log = LoggerFactory.getLogger(SearchRebuild.class);
    static final String START_CHECK_LOCK = "search.startCheck";

    /**
     * @param documents the documents the modules publish now
     * @param changed the rows written to bring the search's copy in line
     */
    record Rebuilt(int documents, int changed) {
    }

    private final PublicContents contents;
    private final SearchDocuments documents;
    private final SearchIndex index;
    private final ObjectProvider<LockProvider> locks;

    SearchRebuild(PublicContents contents, SearchDocuments documents, SearchIndex index,
            ObjectProvider<LockProvider> locks) {
        this.contents = contents;
        this.documents = documents;
        this.index = index;
        this.locks = locks;
    }

    Rebuilt rebuild() {
        Set<String> kinds = new TreeSet<>(contents.kinds());
        kinds.addAll(documents.kinds());
        int published = 0;
        int changed = 0;
        for (String kind : kinds) {
            Map<String, PublicDocument> now = contents.of(kind).map(PublicContent::documents).orElseGet(List::of)
                    .stream().collect(Collectors.toMap(PublicDocument::key, Function.identity()));
            Map<String, StoredDocument> stored = documents.ofKind(kind);
            Set<String> keys = new HashSet<>(now.keySet());
            keys.addAll(stored.keySet());
            published += now.size();
            List<PublicDocument> missing = new ArrayList<>();
            for (String key : keys) {
                StoredDocument row = stored.get(key);
                if (row == null) {
                    missing.add(now.get(key));
                } else if (!row.matches(Optional.ofNullable(now.get(key)))) {
                    documents.refresh(kind, key).ifPresent(index::apply);
                    changed++;
                }
            }
            documents.insertMissing(kind, missing);
            changed += missing.size();
        }
        // The rows inserted in batches reach this node's index as another node's would, by reading them.
        index.catchUp();
        return new Rebuilt(published, changed);
    }

    /**
     * Checks, unless another node is checking at this moment.
     *
     * @return what it did; empty if it left the check to another node
     */
    Optional<Rebuilt> checkUnlessAnotherNodeIs() {
        LockProvider provider = locks.getIfAvailable();
        if (provider == null) {
            return Optional.of(rebuild());
        }
        Optional<SimpleLock> lock = provider.lock(
                new LockConfiguration(ClockProvider.now(), START_CHECK_LOCK, Duration.ofMinutes(10), Duration.ZERO));
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(rebuild());
        } finally {
            lock.get().unlock();
        }
    }

    /** At start; the demo city, which loads in the background after it, reaches the search by its events. */
    @EventListener(ApplicationReadyEvent.class)
    void checkAtStart() {
        checkUnlessAnotherNodeIs().filter(r -> r.changed() > 0).ifPresent(r -> log.info(
                "Search: brought {} of {} public documents in line with their modules at start.", r.changed(),
                r.documents()));
        index.catchUp();
    }
}
