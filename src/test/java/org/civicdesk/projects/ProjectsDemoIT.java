package org.civicdesk.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.civicdesk.meetings.Meetings;
import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo city's reserve and patent fair say what the paper says, and the examples say that they are examples. */
@IntegrationTest
class ProjectsDemoIT {

    static final String FAIR = "湖南省专利转化对接会";

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Meetings meetings;

    @Test
    void theFairHasTenDealsWorth350MillionFiveOfThemTheCitys() throws Exception {
        api.get("/api/v1/public/deals/stats?event=" + FAIR, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.deals").value(10)).andExpect(jsonPath("$.amount").value("350000000.00"))
                .andExpect(jsonPath("$.local").value(5));
        api.get("/api/v1/public/deals?event=" + FAIR, null)
                .andExpect(jsonPath("$[?(@.example == false)].title", containsInAnyOrder(
                        "一种金属冶炼渣渣衍生物及其制备方法与应用（专利作价入股）", "湖南工业大学专利技术转让",
                        "中车株洲车辆与株洲华盛实业专利技术交叉许可", "株洲弗拉德与天津瑞海辉辉专利技术作价入股合作",
                        "湖南铁路科技职业技术学院专利技术转让")))
                .andExpect(jsonPath("$[?(@.example == true)].title", everyItem(startsWith("示例"))))
                .andExpect(jsonPath("$[?(@.example == false)].form", containsInAnyOrder("EQUITY", "TRANSFER",
                        "CROSS_LICENCE", "EQUITY", "TRANSFER")))
                .andExpect(jsonPath("$[?(@.title == '株洲弗拉德与天津瑞海辉辉专利技术作价入股合作')].to[0].name",
                        hasItem("天津瑞海辉辉")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM tech_deal d JOIN deal_event e ON e.id = d.event_id "
                + "WHERE e.name = :e AND d.example").param("e", FAIR).query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM tech_deal d JOIN deal_event e ON e.id = d.event_id "
                + "WHERE e.name = :e AND NOT d.example AND d.amount IS NOT NULL").param("e", FAIR).query(Long.class)
                .single()).isZero();
        api.get("/api/v1/public/deal-events", null)
                .andExpect(jsonPath("$[?(@.name == '" + FAIR + "')].heldOn").value(hasItem("2023-02-27")))
                .andExpect(jsonPath("$[?(@.name == '" + FAIR + "')].announcedDeals").value(hasItem(10)))
                .andExpect(jsonPath("$[?(@.name == '" + FAIR + "')].announcedAmount").value(hasItem("350000000.00")))
                .andExpect(jsonPath("$[?(@.name == '" + FAIR + "')].announcedLocal").value(hasItem(5)))
                .andExpect(jsonPath("$[?(@.name == '" + FAIR + "')].recorded.deals").value(hasItem(10)))
                .andExpect(jsonPath("$[?(@.name == '" + FAIR + "')].recorded.amount").value(hasItem("350000000.00")))
                .andExpect(jsonPath("$[?(@.name == '" + FAIR + "')].recorded.local").value(hasItem(5)));
    }

    @Test
    void theReserveHasTheReviewedFirstBatchAndTheSecondBeingDeclared() throws Exception {
        api.get("/api/v1/public/project-batches/ZZ-ZXZ-2023-1", null).andExpect(jsonPath("$.reviewStatus").value("REVIEWED"))
                .andExpect(jsonPath("$.reviewedBy").value("国家发改委、财政部"))
                .andExpect(jsonPath("$.requiredApprovals[*].code", containsInAnyOrder("SITE_LAND", "LAND_PLANNING",
                        "WORKS_PLANNING", "CONSTRUCTION")));
        api.get("/api/v1/public/project-batches/ZZ-ZXZ-2023-2", null).andExpect(jsonPath("$.reviewStatus").value("DECLARING"));
        api.get("/api/v1/public/projects?batch=ZZ-ZXZ-2023-2", null)
                .andExpect(jsonPath("$[*].approvalsObtained", containsInAnyOrder(4, 2, 1, 0)))
                .andExpect(jsonPath("$[*].example", everyItem(org.hamcrest.Matchers.is(true))))
                .andExpect(jsonPath("$[*].name", everyItem(startsWith("示例"))));
        api.get("/api/v1/public/projects?batch=ZZ-ZXZ-2023-1", null)
                .andExpect(jsonPath("$[*].stage", containsInAnyOrder("APPROVED", "APPROVED", "UNDER_REVIEW")));
    }

    @Test
    void theDispatchMeetingDiscussedTheSecondBatch() throws Exception {
        long dispatch = meetings.meeting("bond-dispatch", 1).orElseThrow().id();
        for (String project : List.of("ZXZ-2-01", "ZXZ-2-02", "ZXZ-2-03", "ZXZ-2-04")) {
            api.get("/api/v1/public/projects/" + project + "/meetings", null)
                    .andExpect(jsonPath("$[*].title", hasItem("本级地方政府专项债调度会")));
        }
        api.mvc().perform(get("/public/meetings/" + dispatch)).andExpect(status().isOk())
                .andExpect(content().string(containsString("保障性租赁住房项目")))
                .andExpect(content().string(containsString("href=\"/public/projects/ZXZ-2-04\"")));
    }
}
