package org.civicdesk.demo.internal;

import java.math.BigDecimal;
import java.util.List;

import org.civicdesk.places.HonourCommand;
import org.civicdesk.places.PlaceCommand;
import org.civicdesk.places.Places;
import org.civicdesk.shared.ReplayableClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The map of provincial and municipal party-education bases and teaching points that the city's
 * organisation department published (Zhuzhou Daily, 28 February 2023), and the honours the same
 * issue reports. The paper names 3 bases, 4 provincial teaching points and one of the 24 municipal
 * ones (炎陵县水口镇叶家村); the other 23 are examples (示例), titled and flagged so, spread over the
 * city's districts. Coordinates of named places are approximate (the town or county seat); capacities
 * are plausible, not published. The paper prints 耿飺旧居, a typesetting slip for 耿飚旧居. All of it
 * is recorded on the day of the paper, which published the map and reported the honours.
 */
@Component
class PlacesDemo {

    private static final Logger log = LoggerFactory.getLogger(PlacesDemo.class);

    /** Manages the demo's places: the demo account of the organisation department. */
    private static final String MANAGER = "places";

    /** The date of the paper that reports the honours, which it says were announced "recently". */
    private static final String REPORTED = "2023-02-28";

    private static final String TRAINING_BASE = "TRAINING_BASE";
    private static final String TEACHING_POINT = "TEACHING_POINT";
    private static final String PROVINCIAL = "PROVINCIAL";
    private static final String MUNICIPAL = "MUNICIPAL";

    private record Named(String name, String kind, String level, String district, double lat, double lon,
            int capacity) {
    }

    private static final List<Named> NAMED = List.of(
            new Named("炎陵县雷锋红色文化培训基地", TRAINING_BASE, PROVINCIAL, "炎陵县", 26.489, 113.772, 300),
            new Named("中共醴陵市委党校", TRAINING_BASE, PROVINCIAL, "醴陵市", 27.646, 113.497, 400),
            new Named("中共攸县县委党校", TRAINING_BASE, MUNICIPAL, "攸县", 27.004, 113.345, 300),
            new Named("茶陵县工农兵政府旧址", TEACHING_POINT, PROVINCIAL, "茶陵县", 26.792, 113.539, 80),
            new Named("李立三同志故居", TEACHING_POINT, PROVINCIAL, "醴陵市", 27.702, 113.560, 60),
            new Named("耿飚旧居", TEACHING_POINT, PROVINCIAL, "醴陵市", 27.571, 113.395, 60),
            new Named("芦淞区红商圈两新综合党委党群服务中心", TEACHING_POINT, PROVINCIAL, "芦淞区",
                    27.813, 113.153, 100),
            new Named("炎陵县水口镇叶家村", TEACHING_POINT, MUNICIPAL, "炎陵县", 26.560, 113.880, 60));

    /** A district and a point inside it, around which the example teaching points are spread. */
    private record District(String name, double lat, double lon) {
    }

    private static final List<District> DISTRICTS = List.of(
            new District("荷塘区", 27.856, 113.173), new District("芦淞区", 27.785, 113.155),
            new District("石峰区", 27.872, 113.118), new District("天元区", 27.826, 113.082),
            new District("渌口区", 27.699, 113.144), new District("醴陵市", 27.646, 113.497),
            new District("攸县", 27.004, 113.345), new District("茶陵县", 26.792, 113.539),
            new District("炎陵县", 26.489, 113.772));

    private static final int MUNICIPAL_TEACHING_POINTS = 24;

    private record Honoured(String orgCode, String orgName) {
    }

    private static final List<Honoured> HARMONIOUS = List.of(
            new Honoured("ZZ-JINXIU", "芦淞区庆云街道锦绣社区"), new Honoured("ZZ-YANGGUANGLI", "荷塘区桂花街道阳光里社区"),
            new Honoured("ZZ-GANTIAN", "渌口区淦田镇淦田社区"), new Honoured("ZZ-WENHUA", "攸县联星街道文化社区"),
            new Honoured("ZZ-HUANGTIAN", "天元区三门镇黄田村"), new Honoured("ZZ-XISHUI", "炎陵县水口镇西水村"),
            new Honoured("ZZ-LONGXING", "醴陵市枫林镇隆兴村"));

    private final Places places;

    PlacesDemo(Places places) {
        this.places = places;
    }

    void load() {
        ReplayableClock.at(PaperTime.on(REPORTED), this::record);
        log.info("Loaded the demo city's map of party-education bases and teaching points (3 bases, 4 provincial "
                + "and 24 municipal teaching points, 23 of them examples) and 9 honours.");
    }

    private void record() {
        for (Named p : NAMED) {
            places.recordPlace(command(p.name(), p.kind(), p.level(), p.district(), p.lat(), p.lon(), p.capacity(),
                    null, false));
        }
        long named = NAMED.stream().filter(p -> p.level().equals(MUNICIPAL) && p.kind().equals(TEACHING_POINT))
                .count();
        for (int i = 1; i <= MUNICIPAL_TEACHING_POINTS - named; i++) {
            District d = DISTRICTS.get((i - 1) % DISTRICTS.size());
            // A small spiral around the district's point keeps the examples of one district apart on the map.
            double angle = i * 2.4;
            double radius = 0.02 + 0.01 * ((i - 1) / DISTRICTS.size());
            places.recordPlace(command("市级现场教学点（示例）%02d · %s".formatted(i, d.name()), TEACHING_POINT,
                    MUNICIPAL, d.name(), d.lat() + radius * Math.sin(angle), d.lon() + radius * Math.cos(angle),
                    40 + 10 * (i % 4), "示例：报纸只说另有市级现场教学点 24 个，未列出名称；此处为演示而设，位置为所在区县内的近似位置。",
                    true));
        }
        for (Honoured h : HARMONIOUS) {
            places.recordHonour(new HonourCommand("全省和谐社区建设示范单位", "湖南省民政厅", REPORTED, "PROVINCIAL",
                    h.orgCode(), h.orgName(), "株洲日报 2023 年 2 月 28 日报道：省民政厅于近日下发通知公布名单，我市 7 个社区(村)上榜；"
                            + "日期为报道日期。"));
        }
        places.recordHonour(new HonourCommand("2022—2023年度“中国客车行业金牌服务奖”", "第17届影响客车业年度盛典（南京）", REPORTED,
                "INDUSTRY", "ZZ-CRRC-EV", "中车时代电动汽车股份有限公司",
                "经过网络投票和专家评审；日期为报道日期。"));
        places.recordHonour(new HonourCommand("“新能源客车推荐车型”（中车电动C10）", "第17届影响客车业年度盛典（南京）", REPORTED,
                "INDUSTRY", "ZZ-CRRC-EV", "中车时代电动汽车股份有限公司",
                "全新一代C10，中车电动旗舰车型；日期为报道日期。"));
    }

    /** Every demo place lies at approximate coordinates: the paper publishes none. */
    private static PlaceCommand command(String name, String kind, String level, String district, double lat,
            double lon, int capacity, String description, boolean example) {
        return new PlaceCommand(name, kind, level, district, BigDecimal.valueOf(lat), BigDecimal.valueOf(lon),
                capacity, MANAGER, null, description, true, example, null, null);
    }
}
