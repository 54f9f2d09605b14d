package org.civicdesk.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.jayway.jsonpath.JsonPath;

/**
 * The queries a reader of the demo city types, and the first hit each must return (issue 12): the
 * page a reader expects, not a page that shares a character or a common word with the query.
 */
@IntegrationTest
class SearchQuerySuiteIT {

    @Autowired
    Api api;

    @Test
    void eachQueryFindsWhatAReaderExpectsFirst() throws Exception {
        assertFirst("水痘", "NOTICE", "水痘进入高发季节");
        assertFirst("合唱团", "CALL", "株洲群星合唱团");
        assertFirst("叶家村", "PLACE", "炎陵县水口镇叶家村");
        assertFirst("锦绣社区", "HONOUR", "芦淞区庆云街道锦绣社区：全省和谐社区建设示范单位");
        assertFirst("专利", "FAIR", "湖南省专利转化对接会");
        assertFirst("慈善", "CAMPAIGN", "“99公益日”");
        assertFirst("党校", "PLACE", "党校");
        assertThat(hits("党校", null)).first().extracting(h -> h.get("url")).asString().startsWith("/public/places/");
    }

    /** The series page first, then its meetings by the word in their titles; never a meeting that only shares 会. */
    @Test
    void breakfastFindsTheSeriesThenItsMeetingsAndNotTheBondDispatchMeeting() throws Exception {
        List<Map<String, String>> hits = hits("早餐会", null);
        assertThat(hits.get(0)).containsEntry("kind", "SERIES").containsEntry("url", "/public/series/breakfast");
        assertThat(hits).hasSizeGreaterThan(10);
        assertThat(hits.subList(1, Math.min(18, hits.size()))).allSatisfy(h -> assertThat(h).containsEntry("kind", "MEETING")
                .extractingByKey("title").asString().contains("早餐会"));
        assertThat(hits).noneSatisfy(h -> assertThat(h.get("title")).contains("专项债"));
        assertThat(hits.get(1).get("snippet")).contains("<mark>早餐会</mark>").doesNotContain("<mark>早餐</mark>");
    }

    /** 锦绣社区 must not bring answers that only share 社区; 叶家村 nothing that only shares 村 or 家. */
    @Test
    void aLongerQueryNeverMatchesOnOneSharedCharacterOrAPartOfIt() throws Exception {
        for (String q : List.of("锦绣社区", "叶家村", "合唱团")) {
            assertThat(hits(q, null)).as(q).isNotEmpty()
                    .allSatisfy(h -> assertThat(h.get("title") + h.get("snippet").replaceAll("</?mark>", "")).contains(q));
        }
    }

    @Test
    void answersLinkToTheirOwnPageAndFiltersKeepTheKindAndTheDaysAsked() throws Exception {
        assertThat(hits("早餐会", "ANSWER")).isNotEmpty()
                .allSatisfy(h -> assertThat(h.get("url")).matches("/public/answers/\\d+"));
        List<Map<String, String>> in2023 = list(api.get("/api/v1/public/search?q=早餐会&from=2023-01-01&to=2023-02-28", null)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(in2023).extracting(h -> h.get("title")).contains("第17次制造名城早餐会（2023年第1次）")
                .doesNotContain("第1次政企早餐会", "制造名城早餐会");
        api.get("/api/v1/public/search?q=早餐会&from=2023-03-01&to=2023-02-01", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        api.get("/public/search?q=早餐会&kind=SERIES&from=", null).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("href=\"/public/series/breakfast\"")));
    }

    private void assertFirst(String q, String kind, String titlePart) throws Exception {
        List<Map<String, String>> hits = hits(q, null);
        assertThat(hits).as(q).isNotEmpty();
        assertThat(hits.get(0)).as(q).containsEntry("kind", kind).extractingByKey("title").asString().contains(titlePart);
    }

    /**
     * The hits among the demo city's records. This class shares its application with tests that add
     * records of their own, named 测试… (or, for the redaction test, a series whose address starts
     * {@code redact-}); being newer, they may rank first among equals, and what is checked here is how
     * the demo's records rank, so they are set aside.
     */
    private List<Map<String, String>> hits(String q, String kind) throws Exception {
        return list(api.get("/api/v1/public/search?q=" + q + (kind == null ? "" : "&kind=" + kind), null)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).stream()
                .filter(h -> !String.valueOf(h.get("title")).contains("测试")
                        && !String.valueOf(h.get("url")).contains("/redact-"))
                .toList();
    }

    private static List<Map<String, String>> list(String body) {
        return JsonPath.read(body, "$.hits");
    }
}
