package org.civicdesk.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.jayway.jsonpath.JsonPath;

/** Notices, their Atom feed and the public search, as the API contract describes them. */
@IntegrationTest
class NoticesApiIT {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    String admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = api.adminToken();
    }

    @Test
    void findsANoticeAtOnceByAChineseWordOfItsBody() throws Exception {
        String tag = "甲" + Api.unique().replaceAll("[^a-z]", "");
        long id = notice("接种提醒 " + tag, "本周末社区卫生服务中心加开流感疫苗接种门诊，请居民带好身份证。", true);
        api.get("/api/v1/public/search?q=疫苗", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.hits[*].url", hasItem("/public/notices/" + id)));
        String body = api.get("/api/v1/public/search?q=疫苗&kind=NOTICE", null).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> kinds = JsonPath.read(body, "$.hits[*].kind");
        assertThat(kinds).isNotEmpty().containsOnly("NOTICE");
        List<String> snippets = JsonPath.read(body, "$.hits[?(@.url == '/public/notices/" + id + "')].snippet");
        assertThat(snippets).singleElement().asString().contains("<mark>疫苗</mark>");
        List<String> titles = JsonPath.read(body, "$.hits[?(@.url == '/public/notices/" + id + "')].title");
        assertThat(titles).containsExactly("接种提醒 " + tag);
        api.get("/api/v1/public/search?q=疫苗&kind=CALL", null)
                .andExpect(jsonPath("$.hits[*].url", not(hasItem("/public/notices/" + id))));
    }

    @Test
    void findsTheDemoCitysNoticeCallAndMeetings() throws Exception {
        api.get("/api/v1/public/search?q=水痘", null)
                .andExpect(jsonPath("$.hits[0].kind").value("NOTICE"))
                .andExpect(jsonPath("$.hits[0].title").value(containsString("水痘")))
                .andExpect(jsonPath("$.hits[0].snippet").value(containsString("<mark>水痘</mark>")));
        api.get("/api/v1/public/search?q=合唱团&kind=CALL", null)
                .andExpect(jsonPath("$.hits[0].url").value("/public/calls/zz-qunxing-choir-2023"));
        api.get("/api/v1/public/search?q=专项债&kind=MEETING", null)
                .andExpect(jsonPath("$.hits[0].kind").value("MEETING"));
    }

    @Test
    void findsAMeetingPublishedAMomentAgo() throws Exception {
        String slug = "s-" + Api.unique();
        api.post("/api/v1/series", admin, "{\"slug\":\"" + slug + "\",\"name\":\"检索测试系列\"}").andExpect(status().isCreated());
        api.get("/api/v1/public/search?q=氢能源&kind=MEETING", null);
        String body = api.post("/api/v1/meetings", admin, "{\"series\":\"" + slug + "\",\"number\":1,\"title\":\"氢能源产业座谈会\","
                + "\"startsAt\":\"2023-03-02T09:00:00+08:00\",\"venue\":\"市政府\",\"selfRegistration\":false}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        api.get("/api/v1/public/search?q=氢能源&kind=MEETING", null)
                .andExpect(jsonPath("$.hits[*].url", hasItem("/public/meetings/" + id)));
    }

    @Test
    void keepsDraftsOutOfTheSearchAndTheFeedUntilPublished() throws Exception {
        long id = notice("草稿公告", "停水通知：明日城区部分片区停水检修。", false);
        api.get("/api/v1/public/search?q=停水", null).andExpect(jsonPath("$.hits[*].url", not(hasItem("/public/notices/" + id))));
        api.get("/api/v1/public/notices/" + id, null).andExpect(status().isNotFound());
        api.get("/api/v1/public/notices.atom", null).andExpect(content().string(not(containsString("草稿公告"))));
        api.post("/api/v1/notices/" + id + "/publish", admin, "").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
        api.get("/api/v1/public/search?q=停水", null).andExpect(jsonPath("$.hits[*].url", hasItem("/public/notices/" + id)));
        api.post("/api/v1/notices/" + id + "/publish", admin, "")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INVALID_TRANSITION"));
        api.get("/api/v1/public/notices/" + id, null).andExpect(status().isOk()).andExpect(jsonPath("$.title").value("草稿公告"));
    }

    @Test
    void refusesBadNoticesAndSearchesNamingEachFieldAndWritesNothing() throws Exception {
        long notices = jdbc.sql("SELECT COUNT(*) FROM notice").query(Long.class).single();
        api.post("/api/v1/notices", admin, "{\"issuerOrg\":\"bad org!\",\"kind\":\"RUMOUR\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("body")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("issuerOrg")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("kind")));
        String json = "{\"title\":\"t\",\"body\":\"b\",\"issuerOrg\":\"ZZ-CDC\",\"kind\":\"HEALTH_ALERT\"}";
        api.post("/api/v1/notices", api.tokenFor("SUPERVISOR", null), json).andExpect(status().isForbidden());
        api.post("/api/v1/notices", null, json).andExpect(status().isUnauthorized());
        api.post("/api/v1/notices/999999999/publish", admin, "").andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notice").query(Long.class).single()).isEqualTo(notices);
        api.get("/api/v1/public/search?q=", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED")).andExpect(jsonPath("$.errors[0].field").value("q"));
        api.get("/api/v1/public/search", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        api.get("/api/v1/public/search?q=水痘&kind=RUMOUR", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        api.get("/api/v1/public/search?q=AND OR \"(", null).andExpect(status().isOk());
    }

    @Test
    void offersPublishedNoticesAsAnAtomFeed() throws Exception {
        long id = notice("防汛提示 <&>", "汛期将至，请注意防范 & 及时转移。", true);
        byte[] xml = api.get("/api/v1/public/notices.atom", null).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/atom+xml"))
                .andReturn().getResponse().getContentAsByteArray();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Element root = feed.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root.getLocalName()).isEqualTo("feed");
        for (String required : new String[] { "title", "id", "updated", "author", "link" }) {
            assertThat(root.getElementsByTagNameNS(ATOM, required).getLength()).as(required).isPositive();
        }
        NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
        Element ours = null;
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            if (text(e, "id").endsWith("/public/notices/" + id)) {
                ours = e;
            }
        }
        assertThat(ours).isNotNull();
        assertThat(text(ours, "title")).isEqualTo("防汛提示 <&>");
        assertThat(text(ours, "content")).isEqualTo("汛期将至，请注意防范 & 及时转移。");
        assertThat(java.time.OffsetDateTime.parse(text(ours, "updated"))).isNotNull();
        assertThat(text(ours, "author")).isEqualTo("ZZ-CDC");
        assertThat(((Element) ours.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href"))
                .endsWith("/public/notices/" + id);
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("水痘");
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(ATOM, name).item(0).getTextContent().trim();
    }

    private long notice(String title, String body, boolean publish) throws Exception {
        String json = "{\"title\":\"" + title + "\",\"body\":\"" + body
                + "\",\"issuerOrg\":\"ZZ-CDC\",\"kind\":\"HEALTH_ALERT\",\"publish\":" + publish + "}";
        String answer = api.post("/api/v1/notices", admin, json).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value(publish ? "PUBLISHED" : "DRAFT"))
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }
}
