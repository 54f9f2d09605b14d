package org.civicdesk.matters.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.civicdesk.audit.AuditTrail;
import org.civicdesk.calendar.WorkingCalendar;
import org.civicdesk.matters.MatterStatus;
import org.civicdesk.matters.MatterType;
import org.civicdesk.matters.internal.Model.CaseRole;
import org.civicdesk.meetings.MeetingRef;
import org.civicdesk.meetings.Meetings;
import org.civicdesk.shared.OnceOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo city's matters, as the Zhuzhou Daily of 28 February 2023 counts them: 150 problems raised
 * at the first 16 breakfast meetings, 147 closed and 3 in progress; 239 suggestions of the deputies
 * at the 2nd session of the 16th municipal congress, assigned as 577 cases at the standing
 * committee's 10th meeting. The paper names only a few of them (肖勇民's joint completion
 * acceptance, land reserve and national project applications; 张能武's local delivery of
 * medicines); every other record is generated, marked as an example (示例) in its flag and title.
 * A few recent examples give the demo departments work in their inboxes today.
 */
@Component
@Order(20)
class MatterDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MatterDemo.class);

    /** Problems raised per breakfast meeting 1–16: 150 in all. */
    private static final int[] PROBLEMS_PER_SESSION = { 11, 9, 10, 9, 9, 10, 8, 10, 9, 9, 9, 8, 9, 10, 10, 10 };
    private static final List<String> DEPARTMENTS = List.of("ZZ-DRC", "ZZ-FIN", "ZZ-NRP", "ZZ-HURD", "ZZ-AMR",
            "ZZ-CIVIL", "ZZ-HEALTH", "ZZ-GOV-OFFICE");
    private static final List<String> PROBLEM_TOPICS = List.of("项目用地报批", "融资贷款对接", "人才公寓申请", "厂区道路配套",
            "电力增容", "专利申报指导", "出口退税办理", "环评审批提速", "招工用工对接", "上市辅导协调", "物流通道优化", "燃气管网接入");
    private static final List<String> SUGGESTION_TOPICS = List.of("城区停车位建设", "农村饮水安全", "老旧小区改造",
            "职业教育发展", "公交线路优化", "湘江岸线保护", "社区养老服务", "中小学课后服务", "制造业人才引进", "农产品冷链物流",
            "背街小巷整治", "基层医疗服务能力");

    private final JdbcClient jdbc;
    private final MatterRepository repo;
    private final Deadlines deadlines;
    private final WorkingCalendar calendar;
    private final ObjectProvider<Meetings> meetings;
    private final OnceOnly once;
    private final AuditTrail audit;
    private final boolean enabled;
    private final Random random = new Random(20230228);

    MatterDemo(JdbcClient jdbc, MatterRepository repo, Deadlines deadlines, WorkingCalendar calendar,
            ObjectProvider<Meetings> meetings, OnceOnly once, AuditTrail audit,
            @Value("${civicdesk.demo.enabled:false}") boolean enabled) {
        this.jdbc = jdbc;
        this.repo = repo;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.meetings = meetings;
        this.once = once;
        this.audit = audit;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            once.run("demo.matters", this::load);
        }
    }

    private void load() {
        int breakfast = breakfastProblems();
        int suggestions = deputiesSuggestions();
        int current = currentExamples();
        audit.record("demo.loaded", "matter", "demo", null, Map.of("breakfastProblems", breakfast,
                "deputiesSuggestions", suggestions, "currentExamples", current));
        log.info("Loaded the demo city's matters: {} breakfast problems, {} deputies' suggestions, {} current examples",
                breakfast, suggestions, current);
    }

    private int breakfastProblems() {
        Meetings m = meetings.getIfAvailable();
        int count = 0;
        for (int session = 1; session <= PROBLEMS_PER_SESSION.length; session++) {
            MeetingRef meeting = m == null ? null : m.meeting("breakfast", session).orElse(null);
            LocalDate raisedOn = meeting == null ? LocalDate.of(2022, 1, 1).plusWeeks(session * 2L)
                    : meeting.startsAt().toLocalDate();
            for (int i = 0; i < PROBLEMS_PER_SESSION[session - 1]; i++) {
                String title;
                String raiser = "entrepreneur";
                boolean example = true;
                String content;
                if (session == 1 && i < 3) {
                    title = List.of("基本建设项目竣工联合验收", "土地收储", "国家级项目申报").get(i);
                    content = "联诚集团董事长肖勇民在首场早餐会上提出的困扰企业发展的难题之一。会后，市委主要领导迅速安排部署，问题逐步解决。";
                    raiser = "xiaoyongmin";
                    example = false;
                } else if (session == 1 && i < 6) {
                    title = "肖勇民提出的其他难题 " + (i - 2) + "（示例）";
                    content = "报道说肖勇民共提出6个难题，只点名3个；此条为示例。";
                    raiser = "xiaoyongmin";
                } else if (session == 5 && i == 0) {
                    title = "提高医药产品本地配送率";
                    content = "株洲太平洋药业董事长张能武提出提高医药产品本地配送率。相关配送渠道已打通。";
                    raiser = "zhangnengwu";
                    example = false;
                } else {
                    title = PROBLEM_TOPICS.get(random.nextInt(PROBLEM_TOPICS.size())) + "问题（示例）";
                    content = "第" + session + "次早餐会上企业反映的问题。示例数据：报道只给出了总数。";
                }
                boolean stillOpen = session >= 14 && i == 0;
                matter(MatterType.PROBLEM, title, content, raiser, "breakfast", meeting == null ? null : meeting.id(),
                        "MEETING", raisedOn, example, stillOpen ? Outcome.SIGNED : Outcome.CLOSED, 0);
                count++;
            }
        }
        return count;
    }

    private int deputiesSuggestions() {
        Meetings m = meetings.getIfAvailable();
        MeetingRef session = m == null ? null : m.meeting("npc-16", 2).orElse(null);
        jdbc.sql("INSERT INTO series_deadline (series_slug, due_date) SELECT 'npc-16', DATE '2023-06-30' "
                + "WHERE NOT EXISTS (SELECT 1 FROM series_deadline WHERE series_slug = 'npc-16')").update();
        // 239 suggestions with 338 co-handler cases: 577 cases in all.
        int coLeft = 338;
        for (int i = 0; i < 239; i++) {
            int co = Math.min(coLeft, i < 99 ? 2 : 1);
            coLeft -= co;
            String topic = SUGGESTION_TOPICS.get(random.nextInt(SUGGESTION_TOPICS.size()));
            matter(MatterType.SUGGESTION, "关于加强" + topic + "的建议（示例）",
                    "市十六届人大二次会议期间代表提出的建议。示例数据：报道只给出了239件和577件办案件两个总数。", "raiser",
                    "npc-16", session == null ? null : session.id(), "SESSION", LocalDate.of(2023, 1, 6), true,
                    Outcome.CLOSED, co);
        }
        return 239;
    }

    /** Recent examples, so that today the demo departments and supervisor have something to do. */
    private int currentExamples() {
        LocalDate today = deadlines.today();
        Outcome[] outcomes = { Outcome.REGISTERED, Outcome.ASSIGNED, Outcome.SIGNED, Outcome.SIGNED, Outcome.ANSWERED,
                Outcome.ASSIGNED, Outcome.SIGNED, Outcome.CLOSED };
        for (int i = 0; i < outcomes.length; i++) {
            LocalDate raised = calendar.addWorkingDays(today.minusDays(30), i * 2);
            matter(i % 2 == 0 ? MatterType.APPEAL : MatterType.SUGGESTION,
                    List.of("小区路灯不亮", "关于优化公交站点设置的建议", "噪音扰民", "关于增设社区托育点的建议", "道路积水",
                            "关于加强校园周边交通安全的建议", "物业收费不规范", "关于完善农贸市场管理的建议").get(i) + "（示例）",
                    "示例事项，供演示各角色的工作界面。", "raiser", null, null, "WEB", raised, true, outcomes[i], i % 3 == 0 ? 1 : 0);
        }
        return outcomes.length;
    }

    private enum Outcome {
        REGISTERED, ASSIGNED, SIGNED, ANSWERED, CLOSED
    }

    private void matter(MatterType type, String title, String content, String raiser, String series, Long meetingId,
            String channel, LocalDate raisedOn, boolean example, Outcome outcome, int coHandlers) {
        OffsetDateTime raisedAt = at(raisedOn, 10);
        long id = repo.insert(new Model.Matter(0, type, title, content, null, null, raiser, null, series, meetingId,
                Model.Channel.valueOf(channel), MatterStatus.REGISTERED, null, null, null, false, false, null, false,
                false, false, null, example, raisedAt, null, null, null));
        repo.event(id, null, raisedAt, raiser, "RAISED", null);
        if (outcome == Outcome.REGISTERED) {
            return;
        }
        LocalDate assignedOn = "npc-16".equals(series) ? LocalDate.of(2023, 2, 27) : calendar.addWorkingDays(raisedOn, 1);
        LocalDate due = deadlines.leadDue(type, series, false, assignedOn);
        String lead = DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size()));
        long leadCase = repo.insertCase(id, lead, CaseRole.LEAD, at(assignedOn, 9), assignedOn, due);
        for (int c = 0; c < coHandlers; c++) {
            String org = DEPARTMENTS.get((DEPARTMENTS.indexOf(lead) + 1 + c) % DEPARTMENTS.size());
            long co = repo.insertCase(id, org, CaseRole.CO, at(assignedOn, 9), assignedOn,
                    deadlines.coDue(type, assignedOn, due));
            if (outcome == Outcome.CLOSED) {
                repo.setCase(co, "opinion", "协办意见（示例）。");
                repo.setCaseStatus(co, Model.CaseStatus.CLOSED);
            }
        }
        repo.setMatter(id, "assigned_at", at(assignedOn, 9));
        repo.setStatus(id, MatterStatus.ASSIGNED);
        if (outcome == Outcome.ASSIGNED) {
            return;
        }
        repo.setCaseStatus(leadCase, Model.CaseStatus.SIGNED);
        repo.setCase(leadCase, "signed_at", at(calendar.addWorkingDays(assignedOn, 1), 9));
        repo.setStatus(id, MatterStatus.IN_PROGRESS);
        if (outcome == Outcome.SIGNED) {
            return;
        }
        LocalDate answeredOn = calendar.addWorkingDays(assignedOn, 2 + random.nextInt(8));
        if (answeredOn.isAfter(due)) {
            answeredOn = due;
        }
        int roll = random.nextInt(10);
        String category = roll < 6 ? "A" : roll < 9 ? "B" : "C";
        repo.setCase(leadCase, "contacted", random.nextInt(10) < 8);
        repo.setCase(leadCase, "category", category);
        repo.setCase(leadCase, "answer", "经研究办理，答复如下（示例）：" + ("A".equals(category) ? "问题已解决。"
                : "B".equals(category) ? "已列入计划逐步解决。" : "受条件限制，留作参考。"));
        repo.setCase(leadCase, "answered_at", at(answeredOn, 16));
        repo.setCaseStatus(leadCase, Model.CaseStatus.ANSWERED);
        repo.setMatter(id, "answered_at", at(answeredOn, 16));
        repo.setMatter(id, "follow_up", "B".equals(category));
        repo.setStatus(id, MatterStatus.ANSWERED);
        if (outcome == Outcome.ANSWERED) {
            return;
        }
        String rating = random.nextInt(10) < 8 ? "SATISFIED" : "BASICALLY_SATISFIED";
        LocalDate closedOn = calendar.addWorkingDays(answeredOn, 3);
        repo.evaluation(id, raiser, rating, null, 1, at(closedOn, 11));
        repo.setMatter(id, "rating", rating);
        repo.closeOpenCases(id);
        repo.setMatter(id, "closed_at", at(closedOn, 11));
        repo.setStatus(id, MatterStatus.CLOSED);
    }

    private static OffsetDateTime at(LocalDate day, int hour) {
        return OffsetDateTime.of(day, LocalTime.of(hour, 0), ZoneOffset.ofHours(8));
    }
}
