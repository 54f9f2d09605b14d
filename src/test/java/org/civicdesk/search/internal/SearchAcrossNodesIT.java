package org.civicdesk.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;

import org.civicdesk.shared.ActingAs;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Role;
import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jayway.jsonpath.JsonPath;

/**
 * A second node (a second index on the same database, as a second app node keeps one) finds what was
 * published on this node within about a second, without rebuilding anything.
 */
@IntegrationTest
class SearchAcrossNodesIT {

    /** From the commit on this node: its listener writes the row, the other node reads it at its next search. */
    static final Duration ABOUT_A_SECOND = Duration.ofMillis(1500);

    @Autowired
    SearchDocuments documents;

    @Autowired
    PublicContents contents;

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anotherNodeFindsANoticePublishedOnThisOneAndLosesItOnceWithdrawn() throws Exception {
        SearchIndex otherNode = new SearchIndex(documents, contents);
        String title = "狂犬疫苗接种点公布 " + Api.unique();
        assertThat(otherNode.search("狂犬病", null)).noneMatch(h -> h.title().equals(title));
        String body = api.post("/api/v1/notices", api.adminToken(), "{\"title\":\"" + title
                + "\",\"body\":\"被犬只抓伤后请及时到狂犬病暴露处置门诊就诊。\",\"issuerOrg\":\"ZZ-CDC\",\"kind\":\"HEALTH_ALERT\","
                + "\"publish\":true}").andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        await().atMost(ABOUT_A_SECOND).untilAsserted(() -> assertThat(otherNode.search("狂犬病", "NOTICE"))
                .anyMatch(h -> h.url().equals("/public/notices/" + id)));

        api.post("/api/v1/notices/" + id + "/withdraw", api.adminToken(), "").andExpect(status().isOk());
        await().atMost(ABOUT_A_SECOND).untilAsserted(() -> assertThat(otherNode.search("狂犬病", "NOTICE"))
                .noneMatch(h -> h.url().equals("/public/notices/" + id)));
    }

    /**
     * The public's searches on a node share one read of the changed rows per tenth of a second; the
     * person who published something must find it as soon as the search's listener has written it,
     * whichever node their next search reaches.
     */
    @Test
    void whoeverPublishedFindsItAtOnceOnAnotherNode() throws Exception {
        SearchIndex otherNode = new SearchIndex(documents, contents, Duration.ofHours(1));
        String word = "即时" + Api.unique().replaceAll("[^a-z]", "");
        assertThat(otherNode.search(word, null)).isEmpty();
        String body = api.post("/api/v1/notices", api.adminToken(), "{\"title\":\"" + word
                + "\",\"body\":\"立即可查。\",\"issuerOrg\":\"ZZ-CDC\",\"kind\":\"ANNOUNCEMENT\",\"publish\":true}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        await().atMost(ABOUT_A_SECOND).until(() -> jdbc.sql("SELECT COUNT(*) FROM search_document WHERE url = :url")
                .param("url", "/public/notices/" + id).query(Long.class).single() > 0);
        assertThat(otherNode.search(word, null)).as("the public's searches rely on the shared read").isEmpty();
        Actor publisher = new Actor(1, "admin", "管理员", null, Set.of(Role.ADMIN));
        assertThat(ActingAs.as(publisher, () -> otherNode.search(word, null)))
                .anyMatch(h -> h.url().equals("/public/notices/" + id));
    }

    /**
     * A row's time is when its transaction began; one that began before the other node's last read
     * but committed after it must still reach that node.
     */
    @Test
    void anotherNodeReadsARowWhoseTransactionCommittedLate() {
        SearchIndex otherNode = new SearchIndex(documents, contents);
        otherNode.catchUp();
        OffsetDateTime afterTheRead = jdbc.sql("SELECT CURRENT_TIMESTAMP").query(OffsetDateTime.class).single();
        String word = "迟到" + Api.unique().replaceAll("[^a-z]", "");
        jdbc.sql("""
                INSERT INTO search_document (kind, doc_key, title, body, url, withdrawn, revision, changed_at)
                VALUES ('LATE', :key, :title, '', '/late', FALSE, nextval('search_document_revision'), :at)""")
                .param("key", Api.unique()).param("title", word).param("at", afterTheRead.minusSeconds(5)).update();
        await().atMost(ABOUT_A_SECOND).untilAsserted(() -> assertThat(otherNode.search(word, null))
                .anyMatch(h -> h.title().equals(word)));
    }
}
