package org.civicdesk.demo.internal;

import java.util.List;

import org.civicdesk.directory.Directory;
import org.civicdesk.directory.DirectoryCommands;
import org.civicdesk.directory.OrgCommand;
import org.civicdesk.meetings.Meetings;
import org.civicdesk.projects.ApprovalCommand;
import org.civicdesk.projects.BatchCommand;
import org.civicdesk.projects.DealCommand;
import org.civicdesk.projects.DealEventCommand;
import org.civicdesk.projects.MeetingLinkCommand;
import org.civicdesk.projects.ProjectCommand;
import org.civicdesk.projects.Projects;
import org.civicdesk.projects.StageCommand;
import org.civicdesk.shared.ReplayableClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Two articles of the Zhuzhou Daily of 28 February 2023. The special-bond dispatch meeting of 28
 * February: the first batch of reserve projects has been reviewed by NDRC and the Ministry of Finance,
 * the second is being declared, and the approving departments race to complete each project's 一件三证.
 * The paper names no project, so every project here is an example (示例), titled and flagged so, with
 * approvals at varied stages. The provincial patent-transfer fair of 27 February: 10 deals worth 350
 * million yuan, 5 of them the city's, which the paper names with their parties and forms but without
 * their amounts; the other 5 are examples (示例) between organisations outside the city, and they carry
 * the fair's 350 million between them, so the fair's figures come out as the paper gives them while no
 * named deal gets an amount the paper does not give.
 */
@Component
class ProjectsDemo {

    private static final Logger log = LoggerFactory.getLogger(ProjectsDemo.class);

    private static final String MEETING_DAY = "2023-02-28";
    private static final String DISPATCH_SERIES = "bond-dispatch";
    private static final String FAIR_DAY = "2023-02-27";
    private static final String FAIR = "湖南省专利转化对接会";

    static final String BATCH_1 = "ZZ-ZXZ-2023-1";
    static final String BATCH_2 = "ZZ-ZXZ-2023-2";

    private static final List<String> CHECKLIST = List.of("SITE_LAND", "LAND_PLANNING", "WORKS_PLANNING",
            "CONSTRUCTION");

    /**
     * An example project and how many of its checklist's approvals it holds, in checklist order, and
     * the stage it has reached.
     */
    private record Example(String code, String batch, String name, String ownerOrg, String district, String amount,
            int approvals, String stage) {
    }

    private static final List<Example> PROJECTS = List.of(
            new Example("ZXZ-1-01", BATCH_1, "示例：城区老旧小区改造配套基础设施项目（示例）", "ZZ-HURD", "荷塘区",
                    "180000000.00", 4, "APPROVED"),
            new Example("ZXZ-1-02", BATCH_1, "示例：产业园区标准厂房及配套设施项目（示例）", "ZZ-DRC", "天元区",
                    "250000000.00", 4, "APPROVED"),
            new Example("ZXZ-1-03", BATCH_1, "示例：城市排水防涝管网建设项目（示例）", "ZZ-HURD", "芦淞区",
                    "120000000.00", 4, "UNDER_REVIEW"),
            new Example("ZXZ-2-01", BATCH_2, "示例：职业教育实训基地建设项目（示例）", "ZZ-DRC", "石峰区",
                    "90000000.00", 4, "DECLARED"),
            new Example("ZXZ-2-02", BATCH_2, "示例：冷链物流园区建设项目（示例）", "ZZ-FIN", "渌口区",
                    "150000000.00", 2, "PROPOSED"),
            new Example("ZXZ-2-03", BATCH_2, "示例：湘江风光带生态修复项目（示例）", "ZZ-NRP", "天元区",
                    "110000000.00", 1, "PROPOSED"),
            new Example("ZXZ-2-04", BATCH_2, "示例：保障性租赁住房项目（示例）", "ZZ-HURD", "荷塘区",
                    "80000000.00", 0, "PROPOSED"));

    /** Who issues each approval of the default checklist. */
    private static final List<String> ISSUERS = List.of("株洲市自然资源和规划局", "株洲市自然资源和规划局",
            "株洲市自然资源和规划局", "株洲市住房和城乡建设局");

    /** An organisation of a deal that the demo directory lacks. */
    private record Party(String code, String name, String kind, String district) {
    }

    private static final List<Party> PARTIES = List.of(
            new Party("TJ-RHHH", "天津瑞海辉辉", "ENTERPRISE", "天津市"),
            new Party("EX-UNIV-1", "示例高校甲（示例）", "UNIVERSITY", "长沙市"),
            new Party("EX-UNIV-2", "示例高校乙（示例）", "UNIVERSITY", "湘潭市"),
            new Party("EX-UNIV-3", "示例科研院所丙（示例）", "UNIVERSITY", "衡阳市"),
            new Party("EX-ENT-1", "示例企业甲（示例）", "ENTERPRISE", "长沙市"),
            new Party("EX-ENT-2", "示例企业乙（示例）", "ENTERPRISE", "岳阳市"),
            new Party("EX-ENT-3", "示例企业丙（示例）", "ENTERPRISE", "常德市"),
            new Party("EX-ENT-4", "示例企业丁（示例）", "ENTERPRISE", "郴州市"));

    private record Deal(String title, String from, String to, String form, String amount, boolean example) {
    }

    private static final List<Deal> DEALS = List.of(
            new Deal("一种金属冶炼渣渣衍生物及其制备方法与应用（专利作价入股）", "HN-HNU", "HN-YINLI", "EQUITY", null, false),
            new Deal("湖南工业大学专利技术转让", "HN-HUT", "HN-KELUOZI", "TRANSFER", null, false),
            new Deal("中车株洲车辆与株洲华盛实业专利技术交叉许可", "ZZ-CRRC-CAR", "ZZ-HUASHENG", "CROSS_LICENCE", null, false),
            new Deal("株洲弗拉德与天津瑞海辉辉专利技术作价入股合作", "ZZ-FLAD", "TJ-RHHH", "EQUITY", null, false),
            new Deal("湖南铁路科技职业技术学院专利技术转让", "HN-HTRC", "ZZ-JIACHENG", "TRANSFER", null, false),
            new Deal("示例：新材料专利转让项目（示例）", "EX-UNIV-1", "EX-ENT-1", "TRANSFER", "95000000.00", true),
            new Deal("示例：智能制造专利许可项目（示例）", "EX-UNIV-2", "EX-ENT-2", "LICENCE", "80000000.00", true),
            new Deal("示例：生物医药专利作价入股项目（示例）", "EX-UNIV-3", "EX-ENT-3", "EQUITY", "70000000.00", true),
            new Deal("示例：节能环保专利转让项目（示例）", "EX-ENT-4", "EX-ENT-1", "TRANSFER", "60000000.00", true),
            new Deal("示例：电子信息专利许可项目（示例）", "EX-UNIV-1", "EX-ENT-2", "LICENCE", "45000000.00", true));

    private final Projects projects;
    private final DirectoryCommands directoryCommands;
    private final Directory directory;
    private final Meetings meetings;

    ProjectsDemo(Projects projects, DirectoryCommands directoryCommands, Directory directory, Meetings meetings) {
        this.projects = projects;
        this.directoryCommands = directoryCommands;
        this.directory = directory;
        this.meetings = meetings;
    }

    /** The deals' organisations outside the city that the directory lacks; an administrator records them. */
    void recordParties() {
        for (Party p : PARTIES) {
            if (directory.findOrg(p.code()).isEmpty()) {
                directoryCommands.createOrg(new OrgCommand(p.code(), p.name(), p.kind(), null, p.district(), true));
            }
        }
    }

    void load() {
        ReplayableClock.at(PaperTime.on(FAIR_DAY), this::recordDeals);
        ReplayableClock.at(PaperTime.on(MEETING_DAY), this::recordReserve);
        log.info("Loaded the demo city's special-bond reserve (2 batches, {} example projects) and the patent fair "
                + "of 27 February 2023 (10 deals, 350 million yuan, 5 of them the city's).", PROJECTS.size());
    }

    /**
     * The dispatch meeting heard how the second batch was coming on, so it is linked to that batch's
     * projects; a city whose demo has no dispatch meeting gets no links.
     */
    void linkDispatchMeeting() {
        meetings.meeting(DISPATCH_SERIES, 1).ifPresent(meeting -> ReplayableClock.at(PaperTime.on(MEETING_DAY), () -> {
            for (Example e : PROJECTS) {
                if (e.batch().equals(BATCH_2)) {
                    projects.linkMeeting(e.code(), new MeetingLinkCommand(meeting.id()));
                }
            }
        }));
    }

    /** The fair as the paper announced it: 10 deals, 350 million yuan, 5 of them the city's. */
    private void recordDeals() {
        projects.recordDealEvent(new DealEventCommand(FAIR, FAIR_DAY, null, 10, "350000000.00", 5, false));
        for (Deal d : DEALS) {
            projects.recordDeal(new DealCommand(d.title(), null, List.of(d.from()), List.of(d.to()), d.form(),
                    d.amount(), FAIR, FAIR_DAY, d.example()));
        }
    }

    private void recordReserve() {
        projects.recordBatch(new BatchCommand(BATCH_1, "2023年第一批专项债储备申报项目", null, "REVIEWED", "国家发改委、财政部"));
        projects.recordBatch(new BatchCommand(BATCH_2, "2023年第二批专项债储备项目", null, "DECLARING", null));
        for (Example e : PROJECTS) {
            projects.recordProject(new ProjectCommand(e.code(), e.batch(), e.name(), e.ownerOrg(), e.amount(),
                    e.district(), true));
            for (int i = 0; i < e.approvals(); i++) {
                projects.recordApproval(e.code(), CHECKLIST.get(i), new ApprovalCommand("OBTAINED", ISSUERS.get(i),
                        "2023-02-%02d".formatted(6 + 4 * i), "示例〔2023〕%s-%d号".formatted(e.code(), i + 1)));
            }
            if (!e.stage().equals("PROPOSED")) {
                projects.moveStage(e.code(), new StageCommand(e.stage(), null));
            }
        }
    }
}
