package org.civicdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jayway.jsonpath.JsonPath;

/**
 * Contact details written into a matter's title, content and answer, and into a notice, reach the
 * public nowhere: not on the public pages, in the public API, the search's hits, snippets and stored
 * copy, nor the notices' feed.
 */
@IntegrationTest
class RedactionIT {

    /** Each form that passed the redaction before: spaced, dashed, +86, full-width, bracketed landline, identity numbers. */
    private static final List<String> FORMS = List.of("139 1234 5678", "139-1234-5678", "+8613912345670",
            "１３９１２３４５６７８", "(0731)28681234", "430202199001011234", "43020219900101123X", "dai.biao@example.com");
    /** What would be left of a form if any of it got through, with separators and full width undone. */
    private static final List<String> TRACES = List.of("1391234", "2868123", "4302021990", "dai.biao");

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMattersTitleContentAndAnswerShowNoContactDetailAnywhere() throws Exception {
        String tag = "联络" + Api.unique().replaceAll("[^a-z]", "");
        String raiser = api.tokenFor("RAISER", null);
        String supervisor = api.tokenFor("SUPERVISOR", "ZZ-NPC");
        String drc = api.tokenFor("HANDLER", "ZZ-DRC");
        String raised = api.post("/api/v1/matters", raiser, "{\"type\":\"SUGGESTION\",\"title\":\"" + tag
                + "建议 手机139 1234 5678身份证43020219900101123X\",\"content\":\"" + tag + "。" + every() + "\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(raised, "$.id")).longValue();
        String assigned = api.post("/api/v1/matters/" + id + "/assignments", supervisor, "{\"lead\":\"ZZ-DRC\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long lead = ((Number) JsonPath.read(assigned, "$.cases[0].id")).longValue();
        api.post("/api/v1/cases/" + lead + "/sign", drc, "").andExpect(status().isOk());
        api.post("/api/v1/cases/" + lead + "/answer", drc,
                "{\"category\":\"A\",\"text\":\"" + tag + "已答复。" + every() + "\"}").andExpect(status().isOk());

        assertRedacted(body("/public/answers/" + id));
        assertRedacted(body("/public/answers?q=" + tag));
        String published = body("/api/v1/public/answers?q=" + tag);
        assertThat(JsonPath.<List<String>>read(published, "$.items[*].title")).singleElement().asString()
                .startsWith(tag + "建议 手机" + Redactor.REMOVED);
        assertRedacted(published);

        String url = "/public/answers/" + id;
        await().untilAsserted(() -> api.get("/api/v1/public/search?q=" + tag + "&kind=ANSWER", null)
                .andExpect(jsonPath("$.hits[*].url", hasItem(url))));
        assertRedacted(body("/api/v1/public/search?q=" + tag + "&kind=ANSWER"));
        assertRedacted(body("/public/search?q=" + tag));
        assertRedacted(stored(url));
        api.get("/api/v1/public/search?q=13912345678", null)
                .andExpect(jsonPath("$.hits[*].url", org.hamcrest.Matchers.not(hasItem(url))));
    }

    @Test
    void aNoticeShowsNoContactDetailOnItsPageInTheApiTheFeedOrTheSearch() throws Exception {
        String tag = "通告" + Api.unique().replaceAll("[^a-z]", "");
        String created = api.post("/api/v1/notices", api.adminToken(), "{\"title\":\"" + tag + " 咨询电话(0731)28681234\","
                + "\"body\":\"" + tag + "。" + every() + "\",\"issuerOrg\":\"ZZ-CDC\",\"kind\":\"HEALTH_ALERT\","
                + "\"publish\":true}").andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        String url = "/public/notices/" + id;

        assertRedacted(body(url));
        assertRedacted(body("/api/v1/public/notices/" + id));
        String feed = body("/api/v1/public/notices.atom");
        assertThat(feed).contains(tag + " 咨询电话" + Redactor.REMOVED);
        assertRedacted(feed);
        await().untilAsserted(() -> api.get("/api/v1/public/search?q=" + tag + "&kind=NOTICE", null)
                .andExpect(jsonPath("$.hits[*].url", hasItem(url))));
        assertRedacted(body("/api/v1/public/search?q=" + tag + "&kind=NOTICE"));
        assertRedacted(stored(url));
    }

    private static String every() {
        return String.join("，", FORMS.stream().map(form -> "联系" + form).toList()).replace("\"", "\\\"");
    }

    private String body(String path) throws Exception {
        return api.get(path, null).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The search's own copy of the document, title and body, as every node's index reads it. */
    private String stored(String url) {
        return String.join("\n", jdbc.sql("SELECT title || ' ' || body FROM search_document WHERE url = :url")
                .param("url", url).query(String.class).list());
    }

    private static void assertRedacted(String text) {
        assertThat(text).contains(Redactor.REMOVED);
        for (String form : FORMS) {
            assertThat(text).doesNotContain(form);
        }
        String undone = text.chars().map(c -> Character.digit(c, 10) >= 0 ? '0' + Character.digit(c, 10) : c)
                .filter(c -> " -+()\u3000".indexOf(c) < 0)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        for (String trace : TRACES) {
            assertThat(undone).as(text).doesNotContain(trace);
        }
    }
}
