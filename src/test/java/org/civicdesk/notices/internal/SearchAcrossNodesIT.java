package org.civicdesk.notices.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.civicdesk.notices.NoticeCommand;
import org.civicdesk.notices.Searchable;
import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** A second node's index, built before a change on this node, finds that change at its next search. */
@IntegrationTest
class SearchAcrossNodesIT {

    @Autowired
    List<Searchable> sources;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NoticeService notices;

    @Test
    @WithMockUser(roles = "ADMIN")
    void anotherNodeSeesANoticePublishedOnThisOne() {
        SearchIndex otherNode = new SearchIndex(sources, jdbc);
        String title = "狂犬疫苗接种点公布 " + Api.unique();
        assertThat(otherNode.search("狂犬病", null)).noneMatch(h -> h.title().equals(title));
        Notice notice = notices.create(new NoticeCommand(title, "被犬只抓伤后请及时到狂犬病暴露处置门诊就诊。", "ZZ-CDC",
                "HEALTH_ALERT", true));
        assertThat(otherNode.search("狂犬病", "NOTICE")).anyMatch(h -> h.url().equals("/public/notices/" + notice.id()));
    }
}
