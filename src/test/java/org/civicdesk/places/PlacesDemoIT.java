package org.civicdesk.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo city's map and honours say what the paper says, and the examples say that they are examples. */
@IntegrationTest
class PlacesDemoIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theMapHasThePapersBasesAndTeachingPoints() throws Exception {
        assertThat(demoPlaces("TRAINING_BASE", "PROVINCIAL")).isEqualTo(2);
        assertThat(demoPlaces("TRAINING_BASE", "MUNICIPAL")).isEqualTo(1);
        assertThat(demoPlaces("TEACHING_POINT", "PROVINCIAL")).isEqualTo(4);
        assertThat(demoPlaces("TEACHING_POINT", "MUNICIPAL")).isEqualTo(24);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM place WHERE manager = 'places' AND example").query(Long.class)
                .single()).isEqualTo(23);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM place WHERE manager = 'places' AND example AND name LIKE '%（示例）%'")
                .query(Long.class).single()).isEqualTo(23);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM place WHERE manager = 'places' AND NOT approximate")
                .query(Long.class).single()).isZero();
        for (String name : List.of("炎陵县雷锋红色文化培训基地", "中共醴陵市委党校", "中共攸县县委党校", "茶陵县工农兵政府旧址", "李立三同志故居",
                "耿飚旧居", "芦淞区红商圈两新综合党委党群服务中心", "炎陵县水口镇叶家村")) {
            api.get("/api/v1/public/places", null).andExpect(jsonPath("$[*].name", hasItem(name)));
        }
        // Every demo place lies within Zhuzhou (about 26.0-28.1 N, 112.9-114.1 E).
        assertThat(jdbc.sql("SELECT COUNT(*) FROM place WHERE manager = 'places' AND (lat < 26 OR lat > 28.1 "
                + "OR lon < 112.9 OR lon > 114.1)").query(Long.class).single()).isZero();
    }

    @Test
    void theHonoursAreThePapers() throws Exception {
        api.get("/api/v1/public/honours", null).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.title == '全省和谐社区建设示范单位' && @.awardingBody == '湖南省民政厅')].orgCode")
                        .value(containsInAnyOrder("ZZ-JINXIU", "ZZ-YANGGUANGLI", "ZZ-GANTIAN",
                                "ZZ-WENHUA", "ZZ-HUANGTIAN", "ZZ-XISHUI", "ZZ-LONGXING")))
                .andExpect(jsonPath("$[?(@.orgCode == 'ZZ-CRRC-EV')].title").value(containsInAnyOrder(
                        "2022—2023年度“中国客车行业金牌服务奖”", "“新能源客车推荐车型”（中车电动C10）")));
    }

    private long demoPlaces(String kind, String level) {
        return jdbc.sql("SELECT COUNT(*) FROM place WHERE manager = 'places' AND kind = :k AND place_level = :l")
                .param("k", kind).param("l", level).query(Long.class).single();
    }
}
