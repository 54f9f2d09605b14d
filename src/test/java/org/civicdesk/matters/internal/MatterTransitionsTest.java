package org.civicdesk.matters.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.civicdesk.matters.CaseId;
import org.civicdesk.matters.MatterEvent;
import org.civicdesk.matters.MatterStatus;
import org.civicdesk.matters.MatterType;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.ProblemException;
import org.civicdesk.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The aggregate on its own, without a database: who may do what in which state (the transition
 * tables), what each transition refuses, and the status derived from the cases.
 */
class MatterTransitionsTest {

    private static final Actor SUPERVISOR = new Actor(1, "sup", "督办员", "ZZ-NPC", Set.of(Role.SUPERVISOR));
    private static final Actor RAISER = new Actor(2, "deputy", "代表", null, Set.of(Role.RAISER));
    private static final Actor COSIGNER = new Actor(3, "cosigner", "附议代表", null, Set.of(Role.RAISER));
    private static final Actor DRC = new Actor(4, "drc", "发改委", "ZZ-DRC", Set.of(Role.HANDLER));
    private static final Actor FIN = new Actor(5, "fin", "财政局", "ZZ-FIN", Set.of(Role.HANDLER));
    private static final Actor HURD = new Actor(6, "hurd", "住建局", "ZZ-HURD", Set.of(Role.HANDLER));

    private final Rules rules = new Rules();
    private Matter matter;
    private long ids;

    /** Time limits of a fixed shape: 20 days for the lead, 10 for co-handlers, a return window of 3. */
    private static final class Rules implements HandlingRules {

        LocalDate today = LocalDate.of(2023, 3, 1);
        boolean withinReturnWindow = true;
        boolean mayCloseUnrated = false;
        Set<AnswerCategory> categories = EnumSet.of(AnswerCategory.A, AnswerCategory.B, AnswerCategory.C);

        @Override
        public OffsetDateTime now() {
            return today.atTime(10, 0).atOffset(ZoneOffset.ofHours(8));
        }

        @Override
        public LocalDate today() {
            return today;
        }

        @Override
        public LocalDate dayOf(OffsetDateTime instant) {
            return instant.toLocalDate();
        }

        @Override
        public LocalDate leadDue(MatterType type, String series, boolean urgent, LocalDate assignedOn) {
            return assignedOn.plusDays(20);
        }

        @Override
        public LocalDate coDue(MatterType type, LocalDate assignedOn, LocalDate leadDue) {
            return assignedOn.plusDays(10);
        }

        @Override
        public LocalDate rehandleDue(MatterType type, LocalDate from) {
            return from.plusDays(15);
        }

        @Override
        public LocalDate latestExtension(MatterType type, LocalDate assignedOn) {
            return assignedOn.plusDays(60);
        }

        @Override
        public boolean withinReturnWindow(MatterType type, LocalDate assignedOn) {
            return withinReturnWindow;
        }

        @Override
        public int returnWindowDays(MatterType type) {
            return 3;
        }

        @Override
        public boolean mayCloseUnrated(MatterType type, LocalDate answeredOn) {
            return mayCloseUnrated;
        }

        @Override
        public int closeUnratedDays(MatterType type) {
            return 10;
        }

        @Override
        public Set<AnswerCategory> answerCategories() {
            return categories;
        }
    }

    @BeforeEach
    void raise() {
        matter = Matter.raise(RAISER, new Matter.Facts(MatterType.SUGGESTION, "关于增设公交站点的建议", "建议在园区增设公交站点。",
                null, null, "deputy", null, null, null, Channel.WEB, false, false, false, rules.now()),
                Set.of("cosigner"));
        save();
    }

    @Test
    void aRaisedMatterWaitsForStaffAndOffersEachReaderWhatItMayDo() {
        assertThat(matter.status()).isEqualTo(MatterStatus.REGISTERED);
        assertThat(matter.allowedActions(SUPERVISOR, rules)).containsExactlyInAnyOrder(MatterAction.ACCEPT,
                MatterAction.REJECT, MatterAction.MERGE, MatterAction.ASSIGN, MatterAction.SUPERVISE);
        assertThat(matter.allowedActions(RAISER, rules)).isEmpty();
        assertThat(matter.allowedActions(DRC, rules)).isEmpty();
        assertRefused(() -> matter.assign(DRC, assignment("ZZ-DRC"), rules), 403, "FORBIDDEN");
        assertRefused(() -> matter.rate(RAISER, Rating.SATISFIED, null, rules), 409, "INVALID_TRANSITION");
    }

    @Test
    void aStrangerMayNotRaiseForSomebodyElse() {
        assertRefused(() -> Matter.requireMayRaise(DRC, null), 403, "FORBIDDEN");
        assertRefused(() -> Matter.requireMayRaise(RAISER, "somebody-else"), 403, "FORBIDDEN");
        Matter.requireMayRaise(RAISER, null);
        Matter.requireMayRaise(SUPERVISOR, "deputy");
    }

    @Test
    void theStatusFollowsTheCasesThroughTheWholeLife() {
        List<Case> cases = assign("ZZ-DRC", "ZZ-FIN");
        CaseId lead = cases.get(0).id();
        CaseId co = cases.get(1).id();
        assertThat(matter.status()).isEqualTo(MatterStatus.ASSIGNED);
        assertThat(matter.allowedActions(SUPERVISOR, rules)).containsExactly(MatterAction.SUPERVISE);

        matter.sign(FIN, co, rules);
        assertThat(matter.status()).as("a co-handler signing starts the handling too")
                .isEqualTo(MatterStatus.IN_PROGRESS);
        matter.sendOpinion(FIN, co, "资金可统筹安排。", rules);
        matter.sign(DRC, lead, rules);
        assertThat(matter.allowedActions(matter.aCase(lead), DRC, rules)).containsExactlyInAnyOrder(CaseAction.RETURN,
                CaseAction.REQUEST_EXTENSION, CaseAction.CONTACT, CaseAction.ANSWER);
        assertThat(matter.allowedActions(matter.aCase(co), FIN, rules)).containsExactly(CaseAction.CONTACT);

        matter.answer(DRC, lead, AnswerCategory.B, "已列入计划。", null, rules);
        assertThat(matter.status()).isEqualTo(MatterStatus.ANSWERED);
        assertThat(matter.followUp()).isTrue();
        assertThat(matter.allowedActions(RAISER, rules)).containsExactly(MatterAction.RATE);
        assertThat(matter.allowedActions(COSIGNER, rules)).containsExactly(MatterAction.RATE);

        matter.rate(COSIGNER, Rating.SATISFIED, null, rules);
        assertThat(matter.status()).as("a co-signer's rating is recorded beside the raiser's")
                .isEqualTo(MatterStatus.ANSWERED);
        assertRefused(() -> matter.rate(COSIGNER, Rating.SATISFIED, null, rules), 409, "ALREADY_RATED");

        matter.rate(RAISER, Rating.UNSATISFIED, "太慢", rules);
        assertThat(matter.status()).isEqualTo(MatterStatus.REHANDLING);
        assertThat(matter.aCase(lead).status()).isEqualTo(CaseStatus.REHANDLING);
        assertThat(matter.aCase(lead).dueDate()).isEqualTo(rules.today.plusDays(15));
        assertThat(matter.aCase(co).status()).as("the co-handler's opinion stands")
                .isEqualTo(CaseStatus.OPINION_SENT);

        matter.answer(DRC, lead, AnswerCategory.A, "已解决。", null, rules);
        assertThat(matter.status()).isEqualTo(MatterStatus.ANSWERED);
        assertThat(matter.allowedActions(COSIGNER, rules)).as("the answer after re-handling is a new round")
                .containsExactly(MatterAction.RATE);
        matter.rate(RAISER, Rating.UNSATISFIED, null, rules);
        assertThat(matter.status()).as("only the first answer goes back for re-handling")
                .isEqualTo(MatterStatus.CLOSED);
        assertThat(matter.cases()).allMatch(c -> c.status() == CaseStatus.CLOSED);
        assertThat(matter.allowedActions(SUPERVISOR, rules)).isEmpty();
        assertThat(matter.allowedActions(matter.aCase(lead), DRC, rules)).as("B answers are followed up after closing")
                .containsExactly(CaseAction.FOLLOW_UP);

        matter.followUp(DRC, lead, "已全部建成。", true, rules);
        assertThat(matter.followUp()).isFalse();
        assertThat(matter.allowedActions(matter.aCase(lead), DRC, rules)).isEmpty();
        assertThat(eventTypes()).containsSubsequence(MatterEvent.MatterRaised.class, MatterEvent.CasesAssigned.class,
                MatterEvent.CaseSigned.class, MatterEvent.OpinionSent.class, MatterEvent.CaseSigned.class,
                MatterEvent.CaseAnswered.class, MatterEvent.MatterRated.class, MatterEvent.MatterRated.class,
                MatterEvent.CaseAnswered.class, MatterEvent.MatterRated.class, MatterEvent.MatterClosed.class,
                MatterEvent.FollowedUp.class);
    }

    @Test
    void departmentsActOnlyOnTheirOwnCasesAndInTheirOwnRole() {
        List<Case> cases = assign("ZZ-DRC", "ZZ-FIN");
        CaseId lead = cases.get(0).id();
        CaseId co = cases.get(1).id();
        assertRefused(() -> matter.sign(FIN, lead, rules), 403, "FORBIDDEN");
        assertRefused(() -> matter.sign(SUPERVISOR, lead, rules), 403, "FORBIDDEN");
        assertRefused(() -> matter.answer(DRC, lead, AnswerCategory.A, "x", null, rules), 409, "INVALID_TRANSITION");
        matter.sign(DRC, lead, rules);
        matter.sign(FIN, co, rules);
        assertRefused(() -> matter.sign(DRC, lead, rules), 409, "INVALID_TRANSITION");
        assertRefused(() -> matter.answer(FIN, co, AnswerCategory.A, "x", null, rules), 403,
                "CO_HANDLER_CANNOT_ANSWER");
        assertRefused(() -> matter.sendOpinion(DRC, lead, "x", rules), 403, "NOT_CO_HANDLER");
        assertRefused(() -> matter.followUp(DRC, lead, "x", false, rules), 409, "INVALID_TRANSITION");
        rules.categories = EnumSet.of(AnswerCategory.A, AnswerCategory.B, AnswerCategory.C);
        assertRefused(() -> matter.answer(DRC, lead, AnswerCategory.D, "x", null, rules), 400, "VALIDATION_FAILED");
        rules.categories = EnumSet.allOf(AnswerCategory.class);
        matter.answer(DRC, lead, AnswerCategory.D, "留作参考。", null, rules);
        assertThat(matter.status()).isEqualTo(MatterStatus.ANSWERED);
    }

    @Test
    void aReturnedCaseIsReassignedOnceAndOnlyWithinTheReturnWindow() {
        List<Case> cases = assign("ZZ-DRC");
        CaseId lead = cases.get(0).id();
        rules.withinReturnWindow = false;
        assertRefused(() -> matter.giveBack(DRC, lead, "非本单位职责", rules), 409, "RETURN_WINDOW_CLOSED");
        rules.withinReturnWindow = true;
        matter.sign(DRC, lead, rules);
        assertThat(matter.status()).isEqualTo(MatterStatus.IN_PROGRESS);
        matter.giveBack(DRC, lead, "属住建局职责", rules);
        assertThat(matter.status()).as("no department is handling it any more").isEqualTo(MatterStatus.ASSIGNED);
        assertThat(matter.allowedActions(matter.aCase(lead), SUPERVISOR, rules)).containsExactly(CaseAction.REASSIGN);
        assertRefused(() -> matter.reassign(DRC, lead, "ZZ-HURD", null, rules), 403, "FORBIDDEN");
        Case replacement = matter.reassign(SUPERVISOR, lead, "ZZ-HURD", null, rules);
        save();
        assertThat(replacement.role()).isEqualTo(CaseRole.LEAD);
        assertThat(matter.aCase(lead).replacedBy()).isEqualTo(replacement.id().value());
        assertRefused(() -> matter.reassign(SUPERVISOR, lead, "ZZ-FIN", null, rules), 409, "INVALID_TRANSITION");
        matter.sign(HURD, replacement.id(), rules);
        assertThat(matter.status()).isEqualTo(MatterStatus.IN_PROGRESS);
    }

    @Test
    void anExtensionIsAskedOnceDecidedByStaffAndBounded() {
        CaseId lead = assign("ZZ-DRC").get(0).id();
        LocalDate due = matter.aCase(lead).dueDate();
        assertRefused(() -> matter.requestExtension(DRC, lead, due, "x", rules), 400, "VALIDATION_FAILED");
        assertRefused(() -> matter.requestExtension(DRC, lead, rules.today.plusDays(61), "x", rules), 400,
                "VALIDATION_FAILED");
        matter.requestExtension(DRC, lead, due.plusDays(10), "需调研", rules);
        assertRefused(() -> matter.requestExtension(DRC, lead, due.plusDays(12), "x", rules), 409,
                "INVALID_TRANSITION");
        assertRefused(() -> matter.decideExtension(DRC, lead, true, null, rules), 403, "FORBIDDEN");
        matter.decideExtension(SUPERVISOR, lead, true, null, rules);
        assertThat(matter.aCase(lead).dueDate()).isEqualTo(due.plusDays(10));
        assertRefused(() -> matter.decideExtension(SUPERVISOR, lead, true, null, rules), 409, "INVALID_TRANSITION");
    }

    @Test
    void staffCloseAnUnratedAnswerOnlyAfterTheWait() {
        CaseId lead = assign("ZZ-DRC").get(0).id();
        matter.sign(DRC, lead, rules);
        matter.answer(DRC, lead, AnswerCategory.A, "已解决。", null, rules);
        assertThat(matter.allowedActions(SUPERVISOR, rules)).doesNotContain(MatterAction.CLOSE_UNRATED);
        assertRefused(() -> matter.closeUnrated(SUPERVISOR, rules), 409, "CLOSE_TOO_EARLY");
        rules.mayCloseUnrated = true;
        matter.closeUnrated(SUPERVISOR, rules);
        assertThat(matter.status()).isEqualTo(MatterStatus.CLOSED);
    }

    @Test
    void aRejectedMatterOffersNothingAndAMergedOneTakesItsRaisersAlong() {
        Matter other = Matter.raise(RAISER, new Matter.Facts(MatterType.SUGGESTION, "同题建议", "同上。", null, null,
                "deputy", null, null, null, Channel.WEB, false, false, false, rules.now()), Set.of());
        other.identify(++ids + 100);
        matter.mergeInto(SUPERVISOR, other, rules);
        assertThat(matter.status()).isEqualTo(MatterStatus.REJECTED);
        assertThat(matter.allowedActions(SUPERVISOR, rules)).isEmpty();
        assertThat(other.cosigners()).as("the merged matter's co-signer joins; its raiser is the same")
                .containsExactly("cosigner");
    }

    @Test
    void theTallyShareCountsActiveCasesAndTheEarliestPendingDueDate() {
        List<Case> cases = assign("ZZ-DRC", "ZZ-FIN");
        Tallies.Share share = matter.share();
        assertThat(share.status()).isEqualTo(MatterStatus.ASSIGNED);
        assertThat(share.cases()).isEqualTo(2);
        assertThat(share.nextDue()).isEqualTo(cases.get(1).dueDate());
        matter.giveBack(FIN, cases.get(1).id(), "非本单位职责", rules);
        assertThat(matter.share().cases()).isEqualTo(1);
        assertThat(matter.share().nextDue()).isEqualTo(cases.get(0).dueDate());
    }

    private List<Case> assign(String lead, String... co) {
        List<Case> cases = matter.assign(SUPERVISOR, new Matter.Assignment(lead, List.of(co), List.of(), null),
                rules);
        save();
        return cases;
    }

    private static Matter.Assignment assignment(String lead) {
        return new Matter.Assignment(lead, List.of(), List.of(), null);
    }

    /** Gives the matter and its new cases ids, as the repository does when it saves them. */
    private void save() {
        if (matter.isNew()) {
            matter.identify(++ids);
        }
        matter.cases().stream().filter(Case::isNew).forEach(c -> c.identify(++ids + 1000));
    }

    private List<Class<?>> eventTypes() {
        return matter.takeEvents().stream().<Class<?>>map(Object::getClass).toList();
    }

    private static void assertRefused(Runnable action, int status, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status().value()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
