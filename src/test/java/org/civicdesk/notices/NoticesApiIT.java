package org.civicdesk.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

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

/** Notices and their Atom feed, as the API contract describes them; a published notice is found by the search. */
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
    void keepsDraftsOutOfTheSearchAndTheFeedUntilPublished() throws Exception {
        long id = notice("草稿公告", "停水通知：明日城区部分片区停水检修。", false);
        api.get("/api/v1/public/search?q=停水", null).andExpect(jsonPath("$.hits[*].url", not(hasItem("/public/notices/" + id))));
        api.get("/api/v1/public/notices/" + id, null).andExpect(status().isNotFound());
        api.get("/api/v1/public/notices.atom", null).andExpect(content().string(not(containsString("草稿公告"))));
        api.post("/api/v1/notices/" + id + "/publish", admin, "").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
        await().untilAsserted(() -> api.get("/api/v1/public/search?q=停水", null)
                .andExpect(jsonPath("$.hits[*].url", hasItem("/public/notices/" + id))));
        api.post("/api/v1/notices/" + id + "/publish", admin, "")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INVALID_TRANSITION"));
        api.get("/api/v1/public/notices/" + id, null).andExpect(status().isOk()).andExpect(jsonPath("$.title").value("草稿公告"));
    }

    @Test
    void refusesBadNoticesNamingEachFieldAndWritesNothing() throws Exception {
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
