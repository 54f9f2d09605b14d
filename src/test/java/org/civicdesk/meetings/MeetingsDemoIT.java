package org.civicdesk.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jayway.jsonpath.JsonPath;

/** The demo city's meetings say what the paper says, and the series counts itself as the journalist did. */
@IntegrationTest
class MeetingsDemoIT {

    @Autowired
    org.civicdesk.support.Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theBreakfastSeriesReportsSeventeenMeetingsAndItsRepeatAttendees() throws Exception {
        api.get("/api/v1/public/stats/series/breakfast", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.meetings").value(17))
                .andExpect(jsonPath("$.attendances").value(110))
                .andExpect(jsonPath("$.distinctAttendees").value(108))
                .andExpect(jsonPath("$.repeatAttendees").value(2))
                .andExpect(jsonPath("$.repeatAttendeeNames", containsInAnyOrder("张国顺", "李慧鹏")))
                .andExpect(jsonPath("$.items").value(150))
                .andExpect(jsonPath("$.closed").value(147))
                .andExpect(jsonPath("$.inProgress").value(3))
                .andExpect(jsonPath("$.byThemeCategory.length()").value(4))
                .andExpect(jsonPath("$.byAttendeeKind[*].kind", hasItem("RETURNEE")))
                .andExpect(jsonPath("$.perMeeting.length()").value(17));
        String stats = api.get("/api/v1/public/stats/series/breakfast", null).andReturn().getResponse()
                .getContentAsString();
        List<Integer> led = JsonPath.read(stats, "$.byAttendeeKind[?(@.kind == 'ENTREPRENEUR')].meetingsLed");
        List<Integer> laterLedByEntrepreneurs = JsonPath.read(stats,
                "$.perMeeting[?(@.number > 1 && @.leadingKind == 'ENTREPRENEUR')].number");
        assertThat(led.get(0)).isEqualTo(14);
        assertThat(laterLedByEntrepreneurs).hasSizeGreaterThanOrEqualTo(12);
        List<Integer> categories = JsonPath.read(stats, "$.byThemeCategory[*].meetings");
        assertThat(categories.stream().mapToInt(Integer::intValue).sum()).isEqualTo(17);
    }

    @Test
    void theBreakfastSessionsCarryThePapersPeopleThemesAndVenue() throws Exception {
        String meetings = api.get("/api/v1/public/meetings?series=breakfast", null).andReturn().getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<Integer>>read(meetings, "$[*].number")).hasSize(17);
        assertThat(JsonPath.<List<String>>read(meetings, "$[?(@.number == 3)].theme")).containsExactly("疫情背景下的企业成长");
        assertThat(JsonPath.<List<String>>read(meetings, "$[?(@.number == 7)].theme")).containsExactly("创新争先，自立自强");
        assertThat(JsonPath.<List<String>>read(meetings, "$[?(@.number == 8)].theme")).containsExactly("建筑行业高质量发展");
        assertThat(JsonPath.<List<String>>read(meetings, "$[?(@.number == 2 || @.number == 10 || @.number == 17)].themeCategory"))
                .containsOnly("助力企业成长类");
        int latest = JsonPath.<List<Integer>>read(meetings, "$[?(@.number == 17)].id").get(0);
        api.get("/api/v1/public/meetings/" + latest, null)
                .andExpect(jsonPath("$.meeting.startsAt").value("2023-02-25T07:30:00+08:00"))
                .andExpect(jsonPath("$.meeting.venue").value("天台开元大酒店"))
                .andExpect(jsonPath("$.meeting.host").value("市委书记曹慧泉"))
                .andExpect(jsonPath("$.attended[?(@.role == 'GUEST')].kind", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is("ENTREPRENEUR"))))
                .andExpect(jsonPath("$.attended[?(@.role == 'GUEST')]", hasSize(7)))
                .andExpect(jsonPath("$.attended[0].name").value("曹慧泉"));
        int first = JsonPath.<List<Integer>>read(meetings, "$[?(@.number == 1)].id").get(0);
        api.get("/api/v1/public/meetings/" + first, null).andExpect(jsonPath("$.attended[*].name",
                containsInAnyOrder("陶业", "汤国华", "邓天骥", "肖勇民", "龙红艳", "赵军")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM person WHERE example = TRUE AND name LIKE '示例%'")
                .query(Long.class).single()).isEqualTo(93);
    }

    @Test
    void theOtherMeetingsOfThePaperHaveTheirRolesAndAgendas() throws Exception {
        String npc = api.get("/api/v1/public/meetings?series=npc-16-sc", null).andReturn().getResponse().getContentAsString();
        int npcId = JsonPath.<Integer>read(npc, "$[0].id");
        api.get("/api/v1/public/meetings/" + npcId, null)
                .andExpect(jsonPath("$.meeting.number").value(10))
                .andExpect(jsonPath("$.attended[?(@.role == 'ATTENDS')]", hasSize(8)))
                .andExpect(jsonPath("$.attended[?(@.role == 'SITS_IN')].name", containsInAnyOrder("王卫安", "陈坚")))
                .andExpect(jsonPath("$.agenda[*].kind", org.hamcrest.Matchers.contains("PLAN_APPROVED", "OTHER",
                        "REVIEWED_IN_WRITING", "PERSONNEL")));
        String chairs = api.get("/api/v1/public/meetings?series=cppcc-10-chairs", null).andReturn().getResponse()
                .getContentAsString();
        int chairsId = JsonPath.<Integer>read(chairs, "$[0].id");
        api.get("/api/v1/public/meetings/" + chairsId, null)
                .andExpect(jsonPath("$.meeting.number").value(17))
                .andExpect(jsonPath("$.agenda[?(@.kind == 'DRAFT_REVIEWED')]", hasSize(6)));
        String bond = api.get("/api/v1/public/meetings?series=bond-dispatch", null).andReturn().getResponse()
                .getContentAsString();
        api.get("/api/v1/public/meetings/" + JsonPath.<Integer>read(bond, "$[0].id"), null)
                .andExpect(jsonPath("$.agenda[?(@.kind == 'REPORT_HEARD')].presenter",
                        containsInAnyOrder("市发改委", "市财政局", "市资规局", "市住建局")));
        String forum = api.get("/api/v1/public/meetings?series=trousers-forum", null).andReturn().getResponse()
                .getContentAsString();
        api.get("/api/v1/public/meetings/" + JsonPath.<Integer>read(forum, "$[0].id"), null)
                .andExpect(jsonPath("$.meeting.venue").value("意大利时尚中心"))
                .andExpect(jsonPath("$.attended[?(@.role == 'SPEAKER')].name",
                        containsInAnyOrder("杨金纯", "李玉龙", "刘立中", "马菲")));
    }

    @Test
    void loadsTheDemoOnlyOnce() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_marker WHERE name = 'demo.meetings'").query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM meeting_series WHERE slug = 'breakfast'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void answers404ForTheStatsOfAnUnknownSeries() throws Exception {
        api.get("/api/v1/public/stats/series/no-such-series", null).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }
}
