package org.civicdesk.demo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import org.civicdesk.directory.Directory;
import org.civicdesk.directory.DirectoryCommands;
import org.civicdesk.directory.PersonCommand;
import org.civicdesk.directory.PersonSummary;
import org.civicdesk.directory.PostCommand;
import org.civicdesk.meetings.AgendaItemCommand;
import org.civicdesk.meetings.MeetingCommand;
import org.civicdesk.meetings.MeetingCommands;
import org.civicdesk.meetings.ParticipantCommand;
import org.civicdesk.meetings.SeriesCommand;
import org.civicdesk.shared.ReplayableClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The meetings of the Zhuzhou Daily of 28 February 2023, as the demo city's record: the 17
 * breakfast meetings the paper reviews, the NPC standing committee's 10th meeting, the CPPCC
 * chairs' meeting, the special-bond dispatch meeting and the trousers industry forum. Everyone the
 * paper names is taken from the directory; where it only counts ("6 to 7 invitees each, over 100
 * people"), example people (示例) stand in, created through the directory so they carry its
 * example flag. Dates, times and venues the paper does not give are illustrative, as the series
 * descriptions say. Each meeting is recorded as it happened: prepared and attended at its start,
 * closed with its report at its end (at its start where the paper gives no end).
 */
@Component
class MeetingsDemo {

    private static final Logger log = LoggerFactory.getLogger(MeetingsDemo.class);

    private static final String BREAKFAST = "breakfast";

    private static final String ECONOMY = "加快经济发展类";
    private static final String INDUSTRY = "加快产业发展和项目建设类";
    private static final String GROWTH = "助力企业成长类";
    private static final String INNOVATION = "鼓励创新创业类";

    /** Who an attendee is, as the meetings' analytics count them, and how an example guest of that kind is named. */
    private enum AttendeeKind {
        ENTREPRENEUR("企业家", "企业负责人"), EXPERT("专家", "行业专家"), RETURNEE("归国人才", "海外归国人才"),
        OFFICIAL("干部", "干部");

        private final String label;
        private final String title;

        AttendeeKind(String label, String title) {
            this.label = label;
            this.title = title;
        }
    }

    /** One breakfast session: the paper's named guests, then how many example guests of which kind complete it. */
    private record Session(int number, String date, String theme, String category, AttendeeKind kind, List<String> named,
            int examples) {
    }

    private static final List<Session> BREAKFASTS = List.of(
            new Session(1, "2021-10-16", "加快民营经济发展", ECONOMY, AttendeeKind.ENTREPRENEUR,
                    List.of("陶业", "汤国华", "邓天骥", "肖勇民", "龙红艳", "赵军"), 0),
            new Session(2, "2021-11-13", "助力企业上市", GROWTH, AttendeeKind.ENTREPRENEUR, List.of("张国顺"), 6),
            new Session(3, "2021-12-11", "疫情背景下的企业成长", GROWTH, AttendeeKind.ENTREPRENEUR, List.of(), 6),
            new Session(4, "2022-01-08", "助力民营企业创新", ECONOMY, AttendeeKind.ENTREPRENEUR, List.of(), 7),
            new Session(5, "2022-03-05", "生物医药与大健康产业发展", INDUSTRY, AttendeeKind.ENTREPRENEUR,
                    List.of("张能武"), 5),
            new Session(6, "2022-04-09", "重大招商引资项目建设推进", INDUSTRY, AttendeeKind.ENTREPRENEUR, List.of(), 7),
            new Session(7, "2022-05-28", "创新争先，自立自强", INNOVATION, AttendeeKind.EXPERT,
                    List.of("冯江华", "沈龙江", "曾瑞霖"), 3),
            new Session(8, "2022-07-09", "建筑行业高质量发展", INDUSTRY, AttendeeKind.ENTREPRENEUR, List.of(), 7),
            new Session(9, "2022-07-30", "“稳住经济大盘，服务业迎难而上”的发展担当", ECONOMY, AttendeeKind.ENTREPRENEUR,
                    List.of(), 6),
            new Session(10, "2022-08-13", "“金种子”企业上市冲刺", GROWTH, AttendeeKind.ENTREPRENEUR, List.of("李慧鹏"), 6),
            new Session(11, "2022-08-27", "推进绿色农产品加工业高质量发展", INDUSTRY, AttendeeKind.ENTREPRENEUR, List.of(),
                    6),
            new Session(12, "2022-09-10", "助力技能人才成长，扶持创新创业发展", INNOVATION, AttendeeKind.RETURNEE,
                    List.of("许利剑", "廖轶脚"), 4),
            new Session(13, "2022-09-24", "建设天元工业软件园，推动株洲工业软件产业高质量发展", INDUSTRY,
                    AttendeeKind.EXPERT, List.of("李长云"), 5),
            new Session(14, "2022-10-08", "发展通航动力，助力产业腾飞", INDUSTRY, AttendeeKind.ENTREPRENEUR, List.of(), 7),
            new Session(15, "2022-10-15", "加大多元科技投入，为高分子新材料与精细化工产业发展赋能", INDUSTRY,
                    AttendeeKind.ENTREPRENEUR, List.of(), 6),
            new Session(16, "2022-10-22", "优化营商环境（示例主题）", ECONOMY, AttendeeKind.ENTREPRENEUR, List.of(), 7),
            new Session(17, "2023-02-25", "推进企业上市“金芙蓉”跃升行动", GROWTH, AttendeeKind.ENTREPRENEUR,
                    List.of("张国顺", "李慧鹏"), 5));

    private final MeetingCommands organiser;
    private final DirectoryCommands directoryCommands;
    private final Directory directory;
    private final int[] examplesMade = new int[AttendeeKind.values().length];

    MeetingsDemo(MeetingCommands organiser, DirectoryCommands directoryCommands, Directory directory) {
        this.organiser = organiser;
        this.directoryCommands = directoryCommands;
        this.directory = directory;
    }

    void load() {
        breakfasts();
        congress();
        standingCommittee();
        chairsMeeting();
        bondDispatch();
        trousersForum();
        log.info("Loaded the demo city's meetings: the breakfast series (17 sessions), the 16th congress's 2nd "
                + "session, the NPC standing committee, the CPPCC chairs' meeting, the special-bond dispatch "
                + "meeting and the trousers industry forum.");
    }

    private void breakfasts() {
        series(BREAKFASTS.get(0).date() + "T07:30:00+08:00", new SeriesCommand(BREAKFAST, "制造名城早餐会", "BREAKFAST",
                true, "市委、市政府主要领导与企业家、科技人才、行业专家共进早餐，围绕一个主题自由发言。第1至6次称“政企早餐会”；"
                        + "自第7次起升级为“制造名城早餐会”，邀请对象由工商界人士扩大到科技、文化等领域人士。受邀不受次数限制，"
                        + "主题合适的企业可以自主报名。第1至16次的日期、会场和未具名的受邀者为示例。",
                List.of(ECONOMY, INDUSTRY, GROWTH, INNOVATION)));
        long host = person("曹慧泉");
        for (Session s : BREAKFASTS) {
            boolean latest = s.number() == 17;
            String title = s.number() < 7 ? "第" + s.number() + "次政企早餐会"
                    : "第" + s.number() + "次制造名城早餐会" + (latest ? "（2023年第1次）" : "");
            held(meeting(BREAKFAST, s.number(), title, s.date() + "T07:30:00+08:00", s.date() + "T09:00:00+08:00",
                    latest ? "天台开元大酒店" : "示例会场", latest ? "市委书记曹慧泉" : null, s.theme(), s.category()), id -> {
                        if (latest) {
                            attend(id, host, "HOST", AttendeeKind.OFFICIAL, "市委书记", false);
                        }
                        for (String name : s.named()) {
                            attend(id, person(name), "GUEST", s.kind(), null, true);
                        }
                        for (int i = 0; i < s.examples(); i++) {
                            attend(id, example(s.kind()), "GUEST", s.kind(), null, true);
                        }
                    }, breakfastReport(s));
        }
    }

    private static String breakfastReport(Session s) {
        int guests = s.named().size() + s.examples();
        String report = "受邀嘉宾" + guests + "人出席，主题：" + s.theme() + "。";
        if (s.number() == 1) {
            report += "邀请的6位企业家均为2021三湘民营企业百强榜单和株洲民营企业50强榜单上的企业负责人。"
                    + "肖勇民提出基本建设项目竣工联合验收、土地收储、国家级项目申报等6个困扰企业发展的难题，会后逐步解决。";
        } else if (s.number() == 17) {
            report += "7位上市在辅在审企业的负责人与市委书记曹慧泉等市领导共进早餐，距上次早餐会已4个月。";
        }
        return report;
    }

    /**
     * The 2nd session of the 16th municipal people's congress, where deputies raised the 239
     * suggestions that the standing committee's 10th meeting assigned as 577 cases.
     */
    private void congress() {
        held(new SeriesCommand("npc-16", "株洲市第十六届人民代表大会", "CONGRESS", false,
                "市十六届人大各次会议。代表在会议期间提出建议、批评和意见。会议日期和会场为示例。", List.of()),
                meeting("npc-16", 2, "株洲市第十六届人民代表大会第二次会议", "2023-01-05T09:00:00+08:00",
                        "2023-01-08T12:00:00+08:00", "株洲市人民会堂（示例）", null, null, null),
                id -> {
                }, "市人大代表在深入基层调研、汇集民情民意的基础上，提出建议、批评和意见239件，形成办案件577件。");
    }

    private void standingCommittee() {
        held(new SeriesCommand("npc-16-sc", "株洲市第十六届人大常委会会议", "STANDING_COMMITTEE", false,
                "市十六届人大常委会历次会议。会议时间和会场为示例。", List.of()),
                meeting("npc-16-sc", 10, "市十六届人大常委会第十次会议", "2023-02-27T09:00:00+08:00", null,
                        "市人大常委会会议室（示例）", "市人大常委会主任刘光跃", null, null), id -> {
                    attend(id, person("刘光跃"), "HOST", AttendeeKind.OFFICIAL, "主持会议", false);
                    for (String name : List.of("钟燕", "胡波", "余群明", "刘剑飞", "王建勇", "欧阳瑞丰", "李余粮", "兰军")) {
                        attend(id, person(name), "ATTENDS", AttendeeKind.OFFICIAL, null, false);
                    }
                    attend(id, person("王卫安"), "SITS_IN", AttendeeKind.OFFICIAL, "列席相关会议", false);
                    attend(id, person("陈坚"), "SITS_IN", AttendeeKind.OFFICIAL, "列席相关会议", false);
                    agenda(id, "PLAN_APPROVED", "听取并审查批准市本级2022年第二次预算调整方案",
                            List.of("2022年市本级第二次预算调整方案(草案)的报告"),
                            "审查批准市本级2022年第二次预算调整方案。会议强调，要加强对财政资金使用的精准监督、有效监督、刚性监督，"
                                    + "切实提高财政资金使用绩效，积极防范政府债务风险，更好服务保障全市经济社会发展。");
                    agenda(id, "OTHER", "集中办理市十六届人大二次会议期间代表建议、批评和意见", List.of(),
                            "代表提出建议、批评和意见239件，形成办案件577件。会议强调，要更加注重建议办理质效，积极探索人大代表评议建议办理模式，"
                                    + "加强建议提办双方的沟通，推动建议办理落地落实。");
                    agenda(id, "REVIEWED_IN_WRITING", "书面听取审议意见书的落实情况报告",
                            List.of("《关于<市人民政府关于全市社会保险基金监管工作情况报告>的审议意见书》的落实情况报告"), null);
                    agenda(id, "PERSONNEL", "审议人事事项", List.of(), null);
                }, "常委会主任刘光跃主持，副主任7人、秘书长出席，常务副市长王卫安、市中级人民法院院长陈坚列席相关会议。"
                        + "会议审查批准预算调整方案，集中办理代表建议、批评和意见，书面听取审议意见书落实情况报告，审议人事事项。");
    }

    private void chairsMeeting() {
        held(new SeriesCommand("cppcc-10-chairs", "政协株洲市第十届委员会主席会议", "CHAIRS_MEETING", false,
                "市政协十届主席会议。会议时间和会场为示例。", List.of()),
                meeting("cppcc-10-chairs", 17, "市政协党组(扩大)会议暨市政协十届十七次主席会议",
                        "2023-02-28T09:00:00+08:00", null, "市政协会议室（示例）", "市政协党组书记、主席聂方红", null, null),
                id -> {
                    attend(id, person("聂方红"), "HOST", AttendeeKind.OFFICIAL, "主持会议并讲话", false);
                    for (String name : List.of("周雪辉", "周恕", "柳怀德", "杨小幼", "何建红", "朱胜辉", "陈艳娟", "程秋辉",
                            "周建明", "许志坚")) {
                        attend(id, person(name), "ATTENDS", AttendeeKind.OFFICIAL, null, false);
                    }
                    agenda(id, "OTHER", "传达学习习近平总书记近期重要讲话精神，研究贯彻落实意见", List.of(), null);
                    agenda(id, "DRAFT_REVIEWED", "研究、协商审议“项目攻坚年”“作风建设年”活动实施方案",
                            List.of("《市政协2023年“项目攻坚年”“作风建设年”活动实施方案(草案)》"),
                            "强调要坚持问题导向，提升调研水平和机关效能，切实锤炼政协队伍。");
                    agenda(id, "DRAFT_REVIEWED", "协商审议委派民主监督小组工作方案",
                            List.of("《市政协2023年度委派民主监督小组工作方案(草案)》"),
                            "强调要完善工作机制，创新工作方法，提高监督内容的精准性，强化成果运用，提升工作质效。");
                    agenda(id, "DRAFT_REVIEWED", "协商审议“委员大讲堂”工作方案",
                            List.of("《市政协2023年“委员大讲堂”工作方案(草案)》"),
                            "强调要精选内容、精心组织，切实提升委员履职能力和水平，展现政协风采。");
                    agenda(id, "DRAFT_REVIEWED", "协商审议主席会议成员督办重点提案安排",
                            List.of("《市政协主席会议成员2023年度督办重点提案安排(草案)》"),
                            "强调要提高办理实效，发挥重点提案示范引领作用，切实解决群众“急难愁盼”问题。");
                    agenda(id, "DRAFT_REVIEWED", "研究、协商审议文史馆修缮工作实施方案",
                            List.of("《市政协文史馆修缮工作实施方案(草案)》"), null);
                    agenda(id, "DRAFT_REVIEWED", "通报市政协党组2022年度民主生活会情况，研究审议整改落实方案",
                            List.of("《中共政协株洲市委员会党组2022年度民主生活会查找问题整改落实方案(草案)》"), null);
                    agenda(id, "OTHER", "研究其他事项", List.of(), null);
                }, "市政协党组书记、主席聂方红主持，副主席9人、秘书长参加。会议协商审议6个方案(草案)。");
    }

    private void bondDispatch() {
        held(new SeriesCommand("bond-dispatch", "本级地方政府专项债调度会", "DISPATCH", false,
                "推进专项债项目储备申报的调度会。会议时间和会场为示例。", List.of()),
                meeting("bond-dispatch", 1, "本级地方政府专项债调度会", "2023-02-28T15:00:00+08:00", null,
                        "市政府会议室（示例）", null, "为项目建设争取更多专项债资金", null), id -> {
                    attend(id, person("王卫安"), "ATTENDS", AttendeeKind.OFFICIAL, null, false);
                    attend(id, person("罗绍均"), "ATTENDS", AttendeeKind.OFFICIAL, null, false);
                    for (String department : List.of("市发改委", "市财政局", "市资规局", "市住建局")) {
                        organiser.addAgendaItem(id, new AgendaItemCommand("REPORT_HEARD", "推进第二批专项债储备相关情况",
                                department, List.of(), null));
                    }
                    organiser.setMinutes(id, "今年第一批专项债储备申报项目已经国家发改委、财政部审核，第二批正在积极申报中。"
                            + "各审批职能部门为加快办理专项债“一件三证”等前期资料，精简要件资料，优化审批程序，但还存在前期审批"
                            + "待进一步整合优化等问题。王卫安要求，要强化争取意识，形成项目合力，把准申报原则，抓住政策的机遇期、"
                            + "窗口期，争取到更多专项债债券资金来推进项目建设、推动经济社会发展。");
                }, "常务副市长王卫安、副市长罗绍均参加，市发改委、财政局、资规局、住建局分别汇报推进第二批专项债储备相关情况。");
    }

    /** Left open, so the demo shows an organiser the reminder to close a meeting with its report. */
    private void trousersForum() {
        held(new SeriesCommand("trousers-forum", "中国裤业大会", "FORUM", false,
                "中国裤业大会暨芦淞服饰产业发展高峰论坛。会议时间为示例。", List.of()),
                meeting("trousers-forum", 2023, "2023年中国裤业大会暨芦淞服饰产业发展高峰论坛", "2023-02-28T09:30:00+08:00",
                        null, "意大利时尚中心", null, "赋能裤业高质量发展", null), id -> {
                    attend(id, person("王建勇"), "ATTENDS", AttendeeKind.OFFICIAL, null, false);
                    attend(id, person("蒋湘晖"), "ATTENDS", AttendeeKind.OFFICIAL, null, false);
                    attend(id, person("杨金纯"), "SPEAKER", AttendeeKind.EXPERT, "高峰论坛主题分享", true);
                    for (String name : List.of("李玉龙", "刘立中", "马菲")) {
                        attend(id, person(name), "SPEAKER", AttendeeKind.ENTREPRENEUR, "圆桌论坛主题分享", true);
                    }
                    organiser.addAgendaItem(id, new AgendaItemCommand("OTHER", "高峰论坛", "杨金纯", List.of(), null));
                    organiser.addAgendaItem(id, new AgendaItemCommand("OTHER", "圆桌论坛：如何赋能裤业高质量发展",
                            "李玉龙、刘立中、马菲", List.of(), null));
                }, null);
    }

    private void series(String createdAt, SeriesCommand series) {
        ReplayableClock.at(PaperTime.at(createdAt), () -> organiser.createSeries(series));
    }

    /** A series of one meeting so far, which opens when that meeting starts. */
    private void held(SeriesCommand series, MeetingCommand meeting, LongConsumer proceedings, String report) {
        series(meeting.startsAt(), series);
        held(meeting, proceedings, report);
    }

    private static MeetingCommand meeting(String series, int number, String title, String startsAt, String endsAt,
            String venue, String host, String theme, String category) {
        return new MeetingCommand(series, number, title, startsAt, endsAt, venue, host, theme, category, null, false,
                "PUBLISHED");
    }

    /**
     * Records a meeting as it happened: created, attended and minuted at its start ({@code proceedings}),
     * and closed with its report at its end, or left open when there is no report yet.
     */
    private void held(MeetingCommand meeting, LongConsumer proceedings, String report) {
        long id = ReplayableClock.at(PaperTime.at(meeting.startsAt()), () -> {
            long created = organiser.createMeeting(meeting).id();
            proceedings.accept(created);
            return created;
        });
        if (report != null) {
            String end = meeting.endsAt() != null ? meeting.endsAt() : meeting.startsAt();
            ReplayableClock.at(PaperTime.at(end), () -> organiser.close(id, report));
        }
    }

    private void attend(long meetingId, long personId, String role, AttendeeKind kind, String note, boolean invited) {
        organiser.recordParticipant(meetingId, new ParticipantCommand(personId, null, role, kind.name(), note, invited,
                true));
    }

    private void agenda(long meetingId, String kind, String title, List<String> documents, String decision) {
        organiser.addAgendaItem(meetingId, new AgendaItemCommand(kind, title, null, new ArrayList<>(documents),
                decision));
    }

    private long person(String name) {
        List<PersonSummary> found = directory.findPeopleNamed(name);
        if (found.isEmpty()) {
            throw new IllegalStateException("The demo directory has nobody named " + name);
        }
        return found.get(0).id();
    }

    /** A made-up guest of the given kind, numbered per kind: 示例企业家01, 示例专家01 … */
    private long example(AttendeeKind kind) {
        int n = ++examplesMade[kind.ordinal()];
        return directoryCommands.createPerson(new PersonCommand("示例" + kind.label + "%02d".formatted(n), null, null,
                null, List.of(new PostCommand(null, kind.title + "（示例）")), true)).id();
    }
}
