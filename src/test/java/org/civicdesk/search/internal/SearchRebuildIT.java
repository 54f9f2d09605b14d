package org.civicdesk.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.civicdesk.notices.NoticeEvent;
import org.civicdesk.search.internal.SearchRebuild.Rebuilt;
import org.civicdesk.shared.PublicDocument;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

/** The rebuild and the start-up check bring the search back in line with the modules, and a repeated event changes nothing. */
@IntegrationTest
class SearchRebuildIT {

    @Autowired
    SearchRebuild rebuild;

    @Autowired
    SearchIndexer indexer;

    @Autowired
    SearchIndex index;

    @Autowired
    SearchDocuments documents;

    @Autowired
    PublicContents contents;

    @Autowired
    LockProvider locks;

    @Autowired
    JdbcClient jdbc;

    @Test
    void restoresTheDocumentsAfterTheTableWasEmptied() {
        jdbc.sql("DELETE FROM search_document").update();
        SearchIndex freshNode = new SearchIndex(documents, contents);
        assertThat(freshNode.search("水痘", null)).isEmpty();

        Rebuilt rebuilt = rebuild.rebuild();

        assertThat(rebuilt.changed()).isPositive().isLessThanOrEqualTo(rebuilt.documents());
        await().atMost(SearchAcrossNodesIT.ABOUT_A_SECOND).untilAsserted(() -> assertThat(freshNode.search("水痘", null))
                .first().extracting(SearchIndex.Hit::kind).isEqualTo("NOTICE"));
        assertThat(index.search("水痘", null)).first().extracting(SearchIndex.Hit::kind).isEqualTo("NOTICE");
        assertThat(rebuild.rebuild().changed()).isZero();
    }

    @Test
    void restoresADocumentThatWasTamperedWith() {
        String key = chickenpoxNoticeKey();
        jdbc.sql("""
                UPDATE search_document SET title = '篡改', body = '篡改', revision = nextval('search_document_revision'),
                       changed_at = CURRENT_TIMESTAMP WHERE kind = 'NOTICE' AND doc_key = :key""").param("key", key).update();
        await().atMost(SearchAcrossNodesIT.ABOUT_A_SECOND).untilAsserted(() -> assertThat(index.search("水痘", "NOTICE")).isEmpty());

        assertThat(rebuild.rebuild().changed()).isPositive();

        assertThat(index.search("水痘", "NOTICE")).singleElement()
                .satisfies(h -> assertThat(h.url()).isEqualTo("/public/notices/" + key));
    }

    @Test
    void checksAtStartOnlyWhereNoOtherNodeIsChecking() {
        String key = chickenpoxNoticeKey();
        jdbc.sql("DELETE FROM search_document WHERE kind = 'NOTICE' AND doc_key = :key").param("key", key).update();
        Optional<SimpleLock> anotherNode = locks.lock(new LockConfiguration(Instant.now(), SearchRebuild.START_CHECK_LOCK,
                Duration.ofMinutes(1), Duration.ZERO));
        assertThat(anotherNode).isPresent();
        try {
            assertThat(rebuild.checkUnlessAnotherNodeIs()).isEmpty();
            assertThat(documents.ofKind("NOTICE")).doesNotContainKey(key);
        } finally {
            anotherNode.get().unlock();
        }

        assertThat(rebuild.checkUnlessAnotherNodeIs()).hasValueSatisfying(r -> assertThat(r.changed()).isPositive());
        assertThat(documents.ofKind("NOTICE").get(key).title()).contains("水痘");
    }

    /**
     * The rebuild reads a module's documents before it inserts the missing ones; a row that an event
     * wrote in between read the module later, and stays.
     */
    @Test
    void aBatchOfMissingDocumentsLeavesARowWrittenMeanwhile() {
        String key = chickenpoxNoticeKey();
        StoredDocument written = documents.ofKind("NOTICE").get(key);

        documents.insertMissing("NOTICE", List.of(new PublicDocument("NOTICE", key, "读得较早的标题", "读得较早的内容",
                "/public/notices/" + key, null)));

        assertThat(documents.ofKind("NOTICE").get(key)).isEqualTo(written);
        assertThat(index.search("水痘", "NOTICE")).singleElement().satisfies(h -> assertThat(h.title()).contains("水痘"));
    }

    @Test
    void handlesAnEventDeliveredTwiceAsOnce() {
        long id = Long.parseLong(chickenpoxNoticeKey());
        indexer.on(new NoticeEvent.Published(id));
        StoredDocument first = documents.ofKind("NOTICE").get(Long.toString(id));

        indexer.on(new NoticeEvent.Published(id));

        assertThat(documents.ofKind("NOTICE").get(Long.toString(id))).isEqualTo(first);
        assertThat(index.search("水痘", "NOTICE")).hasSize(1);
    }

    private String chickenpoxNoticeKey() {
        return jdbc.sql("SELECT id FROM notice WHERE title LIKE '水痘进入高发季节%'").query(String.class).single();
    }
}
