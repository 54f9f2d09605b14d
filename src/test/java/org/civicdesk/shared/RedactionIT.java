package org.civicdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.util.List;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jayway.jsonpath.JsonPath;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Contact details written into a matter's title, content and answer, and into a notice, reach the
 * public nowhere: not on the public pages, in the public API, the search's hits, snippets and stored
 * copy, nor the notices' feed, nor a meeting's page, public API and calendar feed; and the public
 * answers' query cannot tell which answer holds a number it does not show.
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
        long id = answered("{\"type\":\"SUGGESTION\",\"title\":\"" + tag
                + "建议 手机139 1234 5678身份证43020219900101123X\",\"content\":\"" + tag + "。" + every() + "\"}",
                tag + "已答复。" + every());

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
                .andExpect(jsonPath("$.hits[*].url", not(hasItem(url))));
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

    @Test
    void thePublicAnswersQueryFindsAnAnswerByWhatThePublicReadsButNotByANumberItDoesNotShow() throws Exception {
        String tag = "停车" + Api.unique().replaceAll("[^a-z]", "");
        long id = answered("{\"type\":\"SUGGESTION\",\"title\":\"" + tag + "建议\",\"content\":\"增设停车位\"}",
                tag + "已答复：停车场 周末开放，咨询电话139 1234 5678。");
        String page = "/public/answers/" + id;

        for (String found : List.of(tag, "停车场 周末", "咨询电话")) {
            api.get("/api/v1/public/answers?size=100&q=" + found, null)
                    .andExpect(jsonPath("$.items[*].matterId", hasItem((int) id)));
            assertThat(body("/public/answers?q=" + found)).as(found).contains(page);
        }
        for (String hidden : List.of("5678", "1391234", "139 1234")) {
            api.get("/api/v1/public/answers?size=100&q=" + hidden, null)
                    .andExpect(jsonPath("$.items[*].matterId", not(hasItem((int) id))));
            assertThat(body("/public/answers?q=" + hidden)).as(hidden).doesNotContain(page);
        }
    }

    @Test
    void aMeetingShowsNoContactDetailInTheCalendarFeedThePublicApiOrItsPage() throws Exception {
        String admin = api.adminToken();
        String slug = "redact-" + Api.unique();
        api.post("/api/v1/series", admin, "{\"slug\":\"" + slug + "\",\"name\":\"政企早餐会 报名139-1234-5678\"}")
                .andExpect(status().isCreated());
        String created = api.post("/api/v1/meetings", admin, "{\"series\":\"" + slug + "\",\"number\":1,"
                + "\"title\":\"早餐会 联系139 1234 5678\",\"theme\":\"营商环境，" + every() + "\","
                + "\"venue\":\"市政府三楼 (0731)28681234\",\"host\":\"主持 dai.biao@example.com\","
                + "\"startsAt\":\"2023-02-28T07:30:00+08:00\",\"selfRegistration\":false}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        api.post("/api/v1/meetings/" + id + "/agenda", admin, "{\"kind\":\"OTHER\",\"title\":\"议题 "
                + "139-1234-5678\",\"presenter\":\"张三 +8613912345670\",\"documents\":[\"材料 "
                + "430202199001011234\"],\"decision\":\"同意，联系１３９１２３４５６７８\"}").andExpect(status().isCreated());
        api.put("/api/v1/meetings/" + id + "/minutes", admin, "{\"minutes\":\"纪要 " + every() + "\"}")
                .andExpect(status().isOk());

        String feed = body("/api/v1/public/series/" + slug + "/calendar.ics");
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed));
        VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);
        assertThat(event.getSummary().orElseThrow().getValue()).isEqualTo("早餐会 联系" + Redactor.REMOVED);
        assertThat(event.getDescription().orElseThrow().getValue()).startsWith("营商环境，联系" + Redactor.REMOVED);
        assertThat(event.getLocation().orElseThrow().getValue()).isEqualTo("市政府三楼 " + Redactor.REMOVED);
        assertThat(event.getUid().orElseThrow().getValue()).startsWith("meeting-" + id + "@");
        assertRedacted(unfolded(feed));

        assertRedacted(body("/api/v1/public/meetings/" + id));
        assertRedacted(body("/api/v1/public/meetings?series=" + slug));
        assertRedacted(body("/api/v1/public/series"));
        assertRedacted(body("/api/v1/public/stats/series/" + slug));
        assertRedacted(body("/public/meetings/" + id));
        assertRedacted(body("/public/meetings?series=" + slug));
        assertRedacted(body("/public/meetings/calendar?month=2023-02&series=" + slug));
        assertRedacted(body("/public/series/" + slug));
    }

    /** Raises a matter, has ZZ-DRC answer it and returns its id; the answer is published at once. */
    private long answered(String matter, String answer) throws Exception {
        String raised = api.post("/api/v1/matters", api.tokenFor("RAISER", null), matter)
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(raised, "$.id")).longValue();
        String assigned = api.post("/api/v1/matters/" + id + "/assignments", api.tokenFor("SUPERVISOR", "ZZ-NPC"),
                "{\"lead\":\"ZZ-DRC\"}").andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        long lead = ((Number) JsonPath.read(assigned, "$.cases[0].id")).longValue();
        String drc = api.tokenFor("HANDLER", "ZZ-DRC");
        api.post("/api/v1/cases/" + lead + "/sign", drc, "").andExpect(status().isOk());
        api.post("/api/v1/cases/" + lead + "/answer", drc, "{\"category\":\"A\",\"text\":\"" + answer + "\"}")
                .andExpect(status().isOk());
        return id;
    }

    /** A calendar's text with its long lines joined again (RFC 5545 §3.1), so that no number is cut in two. */
    private static String unfolded(String ics) {
        return ics.replace("\r\n ", "").replace("\r\n\t", "");
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
