package org.civicdesk.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.jayway.jsonpath.JsonPath;

/**
 * The public search as the API contract describes it. A change is found once the search's listener
 * has handled the module's event, which runs just after the module's transaction commits.
 */
@IntegrationTest
class SearchApiIT {

    @Autowired
    Api api;

    String admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = api.adminToken();
    }

    @Test
    void findsANoticeByAChineseWordOfItsBody() throws Exception {
        String tag = "甲" + Api.unique().replaceAll("[^a-z]", "");
        long id = notice("接种提醒 " + tag, "本周末社区卫生服务中心加开流感疫苗接种门诊，请居民带好身份证。");
        await().untilAsserted(() -> api.get("/api/v1/public/search?q=疫苗", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.hits[*].url", hasItem("/public/notices/" + id))));
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
    void losesANoticeOnceItIsWithdrawn() throws Exception {
        long id = notice("临时交通管制 " + Api.unique(), "马拉松比赛期间神农大道实行交通管制。");
        await().untilAsserted(() -> api.get("/api/v1/public/search?q=马拉松&kind=NOTICE", null)
                .andExpect(jsonPath("$.hits[*].url", hasItem("/public/notices/" + id))));

        api.post("/api/v1/notices/" + id + "/withdraw", admin, "").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"));

        await().untilAsserted(() -> api.get("/api/v1/public/search?q=马拉松&kind=NOTICE", null)
                .andExpect(jsonPath("$.hits[*].url", not(hasItem("/public/notices/" + id)))));
        api.get("/api/v1/public/notices/" + id, null).andExpect(status().isNotFound());
        api.post("/api/v1/notices/" + id + "/withdraw", admin, "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("INVALID_TRANSITION"));
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
        await().untilAsserted(() -> api.get("/api/v1/public/search?q=氢能源&kind=MEETING", null)
                .andExpect(jsonPath("$.hits[*].url", hasItem("/public/meetings/" + id))));
    }

    @Test
    void findsASeriesPageByItsNameAndByACategoryAddedLater() throws Exception {
        String slug = "s-" + Api.unique();
        api.post("/api/v1/series", admin, "{\"slug\":\"" + slug + "\",\"name\":\"湘江论坛 " + slug + "\"}")
                .andExpect(status().isCreated());
        await().untilAsserted(() -> api.get("/api/v1/public/search?q=湘江论坛&kind=SERIES", null)
                .andExpect(jsonPath("$.hits[*].url", hasItem("/public/series/" + slug))));
        api.post("/api/v1/series/" + slug + "/theme-categories", admin, "{\"name\":\"候鸟保护\"}")
                .andExpect(status().isCreated());
        await().untilAsserted(() -> api.get("/api/v1/public/search?q=候鸟保护&kind=SERIES", null)
                .andExpect(jsonPath("$.hits[*].url", hasItem("/public/series/" + slug))));
    }

    @Test
    void findsAFairRecordedAMomentAgo() throws Exception {
        String name = "石墨烯专利路演会 " + Api.unique();
        String body = api.post("/api/v1/deal-events", admin, "{\"name\":\"" + name + "\",\"heldOn\":\"2023-03-01\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String url = "/public/deals/events/" + ((Number) JsonPath.read(body, "$.id")).longValue();
        await().untilAsserted(() -> api.get("/api/v1/public/search?q=石墨烯&kind=FAIR&from=2023-03-01&to=2023-03-01", null)
                .andExpect(jsonPath("$.hits[*].url", hasItem(url))));
    }

    @Test
    void findsACallOpenedAMomentAgo() throws Exception {
        String code = "call-" + Api.unique();
        api.post("/api/v1/calls", admin, "{\"code\":\"" + code + "\",\"title\":\"社区志愿者招募\",\"description\":"
                + "\"招募垃圾分类督导志愿者\",\"groups\":[{\"code\":\"all\",\"quota\":5}]}").andExpect(status().isCreated());
        await().untilAsserted(() -> api.get("/api/v1/public/search?q=垃圾分类&kind=CALL", null)
                .andExpect(jsonPath("$.hits[*].url", hasItem("/public/calls/" + code))));
    }

    @Test
    void findsAPlaceAsItIsRecordedChangedAndGivenCourses() throws Exception {
        String place = "{\"kind\":\"VENUE\",\"level\":\"COUNTY\",\"district\":\"天元区\",\"lat\":27.826,\"lon\":113.082,"
                + "\"capacity\":40,\"name\":\"";
        String body = api.post("/api/v1/places", admin, place + "蝴蝶标本馆 " + Api.unique() + "\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String url = "/public/places/" + ((Number) JsonPath.read(body, "$.id")).longValue();
        await().untilAsserted(() -> api.get("/api/v1/public/search?q=蝴蝶&kind=PLACE", null)
                .andExpect(jsonPath("$.hits[*].url", hasItem(url))));

        api.put("/api/v1" + url.substring("/public".length()), admin, place + "昆虫博物馆 " + Api.unique() + "\"}")
                .andExpect(status().isOk());
        await().untilAsserted(() -> api.get("/api/v1/public/search?q=昆虫&kind=PLACE", null)
                .andExpect(jsonPath("$.hits[*].url", hasItem(url))));
        api.get("/api/v1/public/search?q=蝴蝶&kind=PLACE", null).andExpect(jsonPath("$.hits[*].url", not(hasItem(url))));

        api.post("/api/v1" + url.substring("/public".length()) + "/courses", admin, "{\"title\":\"湘江湿地候鸟观察\"}")
                .andExpect(status().isCreated());
        await().untilAsserted(() -> api.get("/api/v1/public/search?q=候鸟&kind=PLACE", null)
                .andExpect(jsonPath("$.hits[*].url", hasItem(url))));
    }

    @Test
    void findsAnHonourRecordedAMomentAgo() throws Exception {
        String body = api.post("/api/v1/honours", admin, "{\"title\":\"全国文明单位\",\"awardingBody\":\"中央文明委\","
                + "\"awardedOn\":\"2023-03-01\",\"level\":\"NATIONAL\",\"orgName\":\"石峰区响石岭街道樟树社区\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String url = "/public/honours#honour-" + ((Number) JsonPath.read(body, "$.id")).longValue();
        await().untilAsserted(() -> api.get("/api/v1/public/search?q=樟树社区&kind=HONOUR", null)
                .andExpect(jsonPath("$.hits[*].url", hasItem(url)))
                .andExpect(jsonPath("$.hits[*].title", hasItem("石峰区响石岭街道樟树社区：全国文明单位"))));
    }

    @Test
    void findsACampaignCreatedAMomentAgo() throws Exception {
        String code = "c-" + Api.unique();
        api.post("/api/v1/campaigns", api.tokenFor("CHARITY_OFFICER", null), "{\"code\":\"" + code
                + "\",\"name\":\"助学圆梦募捐\",\"description\":\"资助家庭困难的大学新生\"}").andExpect(status().isCreated());
        await().untilAsserted(() -> api.get("/api/v1/public/search?q=助学&kind=CAMPAIGN", null)
                .andExpect(jsonPath("$.hits[*].url", hasItem("/public/charity/campaigns/" + code))));
    }

    @Test
    void findsTheDemoCitysCharityCampaign() throws Exception {
        api.get("/api/v1/public/search?q=慈善", null)
                .andExpect(jsonPath("$.hits[*].url", hasItem("/public/charity/campaigns/99GD-2022")))
                .andExpect(jsonPath("$.hits[*].kind", hasItem("CAMPAIGN")));
    }

    @Test
    void findsTheDemoCitysPlaceAndHonour() throws Exception {
        api.get("/api/v1/public/search?q=叶家村", null)
                .andExpect(jsonPath("$.hits[0].kind").value("PLACE"))
                .andExpect(jsonPath("$.hits[0].title").value("炎陵县水口镇叶家村"));
        api.get("/api/v1/public/search?q=锦绣社区", null)
                .andExpect(jsonPath("$.hits[*].title", hasItem("芦淞区庆云街道锦绣社区：全省和谐社区建设示范单位")));
    }

    @Test
    void refusesBadSearchesNamingEachField() throws Exception {
        api.get("/api/v1/public/search?q=", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED")).andExpect(jsonPath("$.errors[0].field").value("q"));
        api.get("/api/v1/public/search", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        api.get("/api/v1/public/search?q=水痘&kind=RUMOUR", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        api.get("/api/v1/public/search?q=AND OR \"(", null).andExpect(status().isOk());
    }

    @Test
    void letsOnlyAdministratorsRebuild() throws Exception {
        api.post("/api/v1/search/rebuild", null, "").andExpect(status().isUnauthorized());
        api.post("/api/v1/search/rebuild", api.tokenFor("SUPERVISOR", null), "").andExpect(status().isForbidden());
        api.post("/api/v1/search/rebuild", admin, "").andExpect(status().isOk())
                .andExpect(jsonPath("$.documents").isNumber()).andExpect(jsonPath("$.changed").isNumber());
    }

    private long notice(String title, String body) throws Exception {
        String json = "{\"title\":\"" + title + "\",\"body\":\"" + body
                + "\",\"issuerOrg\":\"ZZ-CDC\",\"kind\":\"HEALTH_ALERT\",\"publish\":true}";
        String answer = api.post("/api/v1/notices", admin, json).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }
}
