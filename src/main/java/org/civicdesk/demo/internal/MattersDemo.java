package org.civicdesk.demo.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.civicdesk.calendar.WorkingCalendar;
import org.civicdesk.directory.AccountCredentials;
import org.civicdesk.directory.Directory;
import org.civicdesk.matters.CaseId;
import org.civicdesk.matters.MatterId;
import org.civicdesk.matters.MatterType;
import org.civicdesk.matters.Matters;
import org.civicdesk.meetings.MeetingRef;
import org.civicdesk.meetings.Meetings;
import org.civicdesk.shared.ActingAs;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.ReplayableClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo city's matters, as the Zhuzhou Daily of 28 February 2023 counts them: 150 problems raised
 * at the first 16 breakfast meetings, 147 closed and 3 in progress; 239 suggestions of the deputies
 * at the 2nd session of the 16th municipal congress, assigned as 577 cases at the standing
 * committee's 10th meeting. The paper names only a few of them (肖勇民's joint completion
 * acceptance, land reserve and national project applications; 张能武's local delivery of
 * medicines); every other record is generated and marked as an example (示例). A few recent
 * examples give the demo departments work in their inboxes today.
 *
 * <p>Every record goes through the matters module's public commands, as the people who would do it
 * and at the moment they would have: raisers raise, the supervisor assigns, the departments' handlers
 * sign, send opinions, contact the raisers and answer, the raisers rate.
 */
@Component
class MattersDemo {

    private static final Logger log = LoggerFactory.getLogger(MattersDemo.class);

    /** Problems raised per breakfast meeting 1–16: 150 in all. */
    private static final int[] PROBLEMS_PER_SESSION = { 11, 9, 10, 9, 9, 10, 8, 10, 9, 9, 9, 8, 9, 10, 10, 10 };
    /** The departments that handle the demo's matters, with the demo handler of each. */
    private static final List<String> DEPARTMENTS = List.of("ZZ-DRC", "ZZ-FIN", "ZZ-NRP", "ZZ-HURD", "ZZ-AMR",
            "ZZ-CIVIL", "ZZ-HEALTH", "ZZ-GOV-OFFICE");
    private static final List<String> HANDLERS = List.of("handler-drc", "handler-fin", "handler-nrp",
            "handler-hurd", "handler-amr", "handler-civil", "handler-health", "handler-gov");
    private static final String SUPERVISOR = "supervisor";
    private static final List<String> PROBLEM_TOPICS = List.of("项目用地报批", "融资贷款对接", "人才公寓申请", "厂区道路配套",
            "电力增容", "专利申报指导", "出口退税办理", "环评审批提速", "招工用工对接", "上市辅导协调", "物流通道优化", "燃气管网接入");
    private static final List<String> SUGGESTION_TOPICS = List.of("城区停车位建设", "农村饮水安全", "老旧小区改造",
            "职业教育发展", "公交线路优化", "湘江岸线保护", "社区养老服务", "中小学课后服务", "制造业人才引进", "农产品冷链物流",
            "背街小巷整治", "基层医疗服务能力");

    private final Matters matters;
    private final Meetings meetings;
    private final Directory directory;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final Random random = new Random(20230228);
    /**
     * The demo accounts by username, looked up once: the load acts as a dozen accounts some 2,300 times,
     * and none of them changes while it runs.
     */
    private final Map<String, Actor> actors = new HashMap<>();

    MattersDemo(Matters matters, Meetings meetings, Directory directory, WorkingCalendar calendar, Clock clock) {
        this.matters = matters;
        this.meetings = meetings;
        this.directory = directory;
        this.calendar = calendar;
        this.clock = clock;
    }

    void load() {
        int breakfast = breakfastProblems();
        int suggestions = deputiesSuggestions();
        int current = currentExamples();
        log.info("Loaded the demo city's matters: {} breakfast problems, {} deputies' suggestions, {} current examples",
                breakfast, suggestions, current);
    }

    private int breakfastProblems() {
        int count = 0;
        for (int session = 1; session <= PROBLEMS_PER_SESSION.length; session++) {
            MeetingRef meeting = meetings.meeting("breakfast", session).orElseThrow();
            LocalDate raisedOn = meeting.startsAt().toLocalDate();
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
                matter(new Matters.Raise(MatterType.PROBLEM.name(), title, content, null, meeting.id(), null, null,
                        null, "MEETING", null, null, null, null), raiser, raisedOn,
                        stillOpen ? recentlyAssigned(session) : null, example,
                        stillOpen ? Outcome.SIGNED : Outcome.CLOSED, 0);
                count++;
            }
        }
        return count;
    }

    /**
     * The paper counts three problems "正在办理" (in progress) and gives no date for their handling. They
     * are in progress today, wherever the demo runs: raised on the day of their meeting, as the paper
     * has it, and assigned a few weeks before today, so that their due dates lie ahead instead of years
     * behind. Two working days apart for each later meeting, so that they are not all due at once.
     */
    private LocalDate recentlyAssigned(int session) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.ofHours(8)));
        return calendar.addWorkingDays(today.minusDays(21), 2 * (session - 14));
    }

    private int deputiesSuggestions() {
        MeetingRef session = meetings.meeting("npc-16", 2).orElseThrow();
        LocalDate raisedOn = LocalDate.of(2023, 1, 6);
        // The paper does not give the date the suggestions were assigned; the standing committee's
        // meeting that took them up is the one it reports, on 27 February 2023.
        LocalDate assignedOn = LocalDate.of(2023, 2, 27);
        as(SUPERVISOR, PaperTime.at(raisedOn, 9),
                () -> matters.setSeriesDeadline(session.seriesSlug(), LocalDate.of(2023, 6, 30)));
        // 239 suggestions with 338 co-handler cases: 577 cases in all.
        int coLeft = 338;
        for (int i = 0; i < 239; i++) {
            int co = Math.min(coLeft, i < 99 ? 2 : 1);
            coLeft -= co;
            String topic = SUGGESTION_TOPICS.get(random.nextInt(SUGGESTION_TOPICS.size()));
            matter(new Matters.Raise(MatterType.SUGGESTION.name(), "关于加强" + topic + "的建议（示例）",
                    "市十六届人大二次会议期间代表提出的建议。示例数据：报道只给出了239件和577件办案件两个总数。", null, session.id(),
                    null, null, null, "SESSION", null, null, null, null), "raiser", raisedOn, assignedOn, true,
                    Outcome.CLOSED, co);
        }
        return 239;
    }

    /** Recent examples, so that today the demo departments and supervisor have something to do. */
    private int currentExamples() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.ofHours(8)));
        Outcome[] outcomes = { Outcome.REGISTERED, Outcome.ASSIGNED, Outcome.SIGNED, Outcome.SIGNED, Outcome.ANSWERED,
                Outcome.ASSIGNED, Outcome.SIGNED, Outcome.CLOSED };
        for (int i = 0; i < outcomes.length; i++) {
            LocalDate raised = calendar.addWorkingDays(today.minusDays(30), i * 2);
            matter(new Matters.Raise((i % 2 == 0 ? MatterType.APPEAL : MatterType.SUGGESTION).name(),
                    List.of("小区路灯不亮", "关于优化公交站点设置的建议", "噪音扰民", "关于增设社区托育点的建议", "道路积水",
                            "关于加强校园周边交通安全的建议", "物业收费不规范", "关于完善农贸市场管理的建议").get(i) + "（示例）",
                    "示例事项，供演示各角色的工作界面。", null, null, null, null, null, "WEB", null, null, null, null), "raiser",
                    raised, null, true, outcomes[i], i % 3 == 0 ? 1 : 0);
        }
        return outcomes.length;
    }

    private enum Outcome {
        REGISTERED, ASSIGNED, SIGNED, ANSWERED, CLOSED
    }

    /** One matter's life up to {@code outcome}, each step by its person at its moment. */
    private void matter(Matters.Raise raise, String raiser, LocalDate raisedOn, LocalDate assignedOn, boolean example,
            Outcome outcome, int coHandlers) {
        MatterId id = as(raiser, PaperTime.at(raisedOn, 10),
                () -> example ? matters.raiseExample(raise) : matters.raise(raise));
        if (outcome == Outcome.REGISTERED) {
            return;
        }
        LocalDate assigned = assignedOn != null ? assignedOn : calendar.addWorkingDays(raisedOn, 1);
        int lead = random.nextInt(DEPARTMENTS.size());
        List<String> co = new java.util.ArrayList<>();
        for (int c = 0; c < coHandlers; c++) {
            co.add(DEPARTMENTS.get((lead + 1 + c) % DEPARTMENTS.size()));
        }
        List<CaseId> cases = as(SUPERVISOR, PaperTime.at(assigned, 9),
                () -> matters.assign(id, new Matters.Assign(DEPARTMENTS.get(lead), co, List.of(), null)));
        if (outcome == Outcome.ASSIGNED) {
            return;
        }
        CaseId leadCase = cases.get(0);
        LocalDate signedOn = calendar.addWorkingDays(assigned, 1);
        String handler = HANDLERS.get(lead);
        as(handler, PaperTime.at(signedOn, 9), () -> matters.sign(leadCase));
        if (outcome == Outcome.SIGNED) {
            return;
        }
        if (outcome == Outcome.CLOSED) {
            for (int c = 0; c < coHandlers; c++) {
                CaseId coCase = cases.get(1 + c);
                String coHandler = HANDLERS.get((lead + 1 + c) % HANDLERS.size());
                as(coHandler, PaperTime.at(signedOn, 10), () -> matters.sign(coCase));
                as(coHandler, PaperTime.at(signedOn, 15),
                        () -> matters.sendOpinion(coCase, new Matters.Text("协办意见（示例）。")));
            }
        }
        LocalDate answeredOn = calendar.addWorkingDays(assigned, 2 + random.nextInt(8));
        int roll = random.nextInt(10);
        String category = roll < 6 ? "A" : roll < 9 ? "B" : "C";
        if (random.nextInt(10) < 8) {
            as(handler, PaperTime.at(answeredOn, 10),
                    () -> matters.contact(leadCase, new Matters.Contact("PHONE", null)));
        }
        as(handler, PaperTime.at(answeredOn, 16), () -> matters.answer(leadCase, new Matters.Answer(category,
                "经研究办理，答复如下（示例）：" + ("A".equals(category) ? "问题已解决。"
                        : "B".equals(category) ? "已列入计划逐步解决。" : "受条件限制，留作参考。"),
                null)));
        if (outcome == Outcome.ANSWERED) {
            return;
        }
        String rating = random.nextInt(10) < 8 ? "SATISFIED" : "BASICALLY_SATISFIED";
        LocalDate closedOn = calendar.addWorkingDays(answeredOn, 3);
        as(raiser, PaperTime.at(closedOn, 11), () -> matters.rate(id, new Matters.Evaluation(rating, null)));
    }

    /** Does {@code work} as the demo account {@code username}, at {@code instant} (never later than now). */
    private <T> T as(String username, Instant instant, Supplier<T> work) {
        Actor actor = actors.computeIfAbsent(username, name -> directory.credentials(name)
                .map(AccountCredentials::actor)
                .orElseThrow(() -> new IllegalStateException("The demo account " + name + " is missing")));
        Instant now = clock.instant();
        return ActingAs.as(actor, () -> ReplayableClock.at(instant.isAfter(now) ? now : instant, work));
    }

    private void as(String username, Instant instant, Runnable work) {
        as(username, instant, () -> {
            work.run();
            return null;
        });
    }
}
