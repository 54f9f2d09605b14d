package org.civicdesk.matters.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.civicdesk.matters.CaseId;
import org.civicdesk.matters.MatterEvent;
import org.civicdesk.matters.MatterId;
import org.civicdesk.matters.MatterStatus;
import org.civicdesk.matters.MatterType;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.ProblemException;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.Role;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * 事项 — what somebody raised, with the cases (办件) in which departments handle it: the aggregate
 * that owns the whole workflow. Every transition is a method here that first asks
 * {@link #refusal} — who may act (the actor's role and department), and whether the matter's and
 * the case's state allow it (the tables in {@link MatterAction} and {@link CaseStatus}) — then
 * changes the state, writes the history and records a {@link MatterEvent}. The matter's status is
 * never stored as a decision: {@link #status()} derives it from the cases, in this one place.
 * {@link #allowedActions} asks the same questions, so pages and the API offer exactly what a
 * transition would accept.
 */
final class Matter {

    /** What was raised, which never changes afterwards. */
    record Facts(MatterType type, String title, String content, String category, String district, String raiser,
            String enteredBy, String series, Long meetingId, Channel channel, boolean urgent, boolean confidential,
            boolean example, OffsetDateTime raisedAt) {
    }

    /** A rating given: who, and for which answer (round 1, or round 2 after re-handling). */
    record Ballot(String rater, int round) {
    }

    /** A rating given in this change, with what the rater said. */
    record Rated(Ballot ballot, Rating rating, String comment, OffsetDateTime at) {
    }

    /** An entry of the history, written by this change; {@code aCase} is null for the matter as a whole. */
    record History(OffsetDateTime at, String actor, String kind, Case aCase, String note) {
    }

    private static final String SYSTEM = Actor.SYSTEM;

    private Long id;
    private final int version;
    private final Facts facts;
    private Boolean accepted;
    private String rejectionReason;
    private Long mergedInto;
    private boolean key;
    private String supervisingLeader;
    private boolean followUp;
    private boolean rehandled;
    private Rating rating;
    private OffsetDateTime assignedAt;
    private OffsetDateTime answeredAt;
    private OffsetDateTime closedAt;
    private final List<Case> cases;
    private final Set<String> cosigners;
    private final Set<Ballot> ballots;

    private final Set<String> newCosigners = new LinkedHashSet<>();
    private final List<Rated> newRatings = new ArrayList<>();
    private final List<History> newHistory = new ArrayList<>();
    private final List<Supplier<MatterEvent>> events = new ArrayList<>();
    private final Tallies.Share before;

    /** A matter as stored. */
    Matter(long id, int version, Facts facts, Boolean accepted, String rejectionReason, Long mergedInto, boolean key,
            String supervisingLeader, boolean followUp, boolean rehandled, Rating rating, OffsetDateTime assignedAt,
            OffsetDateTime answeredAt, OffsetDateTime closedAt, List<Case> cases, Set<String> cosigners,
            Set<Ballot> ballots) {
        this.id = id;
        this.version = version;
        this.facts = facts;
        this.accepted = accepted;
        this.rejectionReason = rejectionReason;
        this.mergedInto = mergedInto;
        this.key = key;
        this.supervisingLeader = supervisingLeader;
        this.followUp = followUp;
        this.rehandled = rehandled;
        this.rating = rating;
        this.assignedAt = assignedAt;
        this.answeredAt = answeredAt;
        this.closedAt = closedAt;
        this.cases = new ArrayList<>(cases);
        this.cosigners = new LinkedHashSet<>(cosigners);
        this.ballots = new LinkedHashSet<>(ballots);
        this.before = share();
    }

    private Matter(Facts facts) {
        this.version = 0;
        this.facts = facts;
        this.cases = new ArrayList<>();
        this.cosigners = new LinkedHashSet<>();
        this.ballots = new LinkedHashSet<>();
        this.before = Tallies.Share.NONE;
    }

    /**
     * 提出 — a matter raised by {@code facts.raiser()}, entered by the actor (the raiser, or staff for a
     * raiser), with the others who signed it (附议/联名).
     */
    static Matter raise(Actor actor, Facts facts, Set<String> cosigners) {
        requireMayRaise(actor, facts.raiser());
        Matter m = new Matter(facts);
        cosigners.stream().filter(c -> !c.equals(facts.raiser())).forEach(m::addCosigner);
        m.history(facts.raisedAt(), actor.username(), "RAISED", null, null);
        m.record(facts.raisedAt(), at -> new MatterEvent.MatterRaised(m.id(), facts.type(), facts.title(),
                facts.raiser(), facts.series(), facts.meetingId(), at));
        return m;
    }

    /**
     * Refuses anybody but staff, or a raiser raising for itself ({@code raiser} null stands for the
     * actor); asked before the fields are checked, so that nobody else learns what a good request is.
     */
    static void requireMayRaise(Actor actor, String raiser) {
        if (isStaff(actor)) {
            return;
        }
        if (!actor.has(Role.RAISER) || raiser != null && !raiser.equals(actor.username())) {
            throw Problems.forbidden();
        }
    }

    // --- what the matter is

    boolean isNew() {
        return id == null;
    }

    MatterId id() {
        if (id == null) {
            throw new IllegalStateException("The matter is not saved yet");
        }
        return new MatterId(id);
    }

    void identify(long newId) {
        if (id != null) {
            throw new IllegalStateException("Matter " + id + " has its id already");
        }
        id = newId;
    }

    int version() {
        return version;
    }

    Facts facts() {
        return facts;
    }

    MatterType type() {
        return facts.type();
    }

    String raiser() {
        return facts.raiser();
    }

    Boolean accepted() {
        return accepted;
    }

    String rejectionReason() {
        return rejectionReason;
    }

    Long mergedInto() {
        return mergedInto;
    }

    boolean key() {
        return key;
    }

    String supervisingLeader() {
        return supervisingLeader;
    }

    boolean followUp() {
        return followUp;
    }

    boolean rehandled() {
        return rehandled;
    }

    Rating rating() {
        return rating;
    }

    OffsetDateTime assignedAt() {
        return assignedAt;
    }

    OffsetDateTime answeredAt() {
        return answeredAt;
    }

    OffsetDateTime closedAt() {
        return closedAt;
    }

    List<Case> cases() {
        return Collections.unmodifiableList(cases);
    }

    Set<String> cosigners() {
        return Collections.unmodifiableSet(cosigners);
    }

    Optional<Case> findCase(CaseId caseId) {
        return cases.stream().filter(c -> c.is(caseId)).findFirst();
    }

    Case aCase(CaseId caseId) {
        return findCase(caseId).orElseThrow(() -> Problems.notFound("case", caseId));
    }

    /**
     * Where the matter stands, derived from its cases: rejected or merged, closed, not yet assigned,
     * re-handled, answered by every department that answers, taken on by a department, or assigned.
     */
    MatterStatus status() {
        if (Boolean.FALSE.equals(accepted) || mergedInto != null) {
            return MatterStatus.REJECTED;
        }
        if (closedAt != null) {
            return MatterStatus.CLOSED;
        }
        if (cases.isEmpty()) {
            return MatterStatus.REGISTERED;
        }
        List<Case> active = activeCases();
        if (active.stream().anyMatch(c -> c.status() == CaseStatus.REHANDLING)) {
            return MatterStatus.REHANDLING;
        }
        List<Case> answering = active.stream().filter(c -> c.role().answers()).toList();
        if (!answering.isEmpty() && answering.stream().allMatch(c -> c.status() == CaseStatus.ANSWERED)) {
            return MatterStatus.ANSWERED;
        }
        return active.stream().anyMatch(Case::taken) ? MatterStatus.IN_PROGRESS : MatterStatus.ASSIGNED;
    }

    /** Ratings count per answer: the first answer is round 1, the answer after re-handling round 2. */
    int ratingRound() {
        return rehandled ? 2 : 1;
    }

    /** The raiser and co-signers: everyone who gets the answer and may rate it. */
    List<String> raisers() {
        List<String> raisers = new ArrayList<>();
        raisers.add(facts.raiser());
        raisers.addAll(cosigners);
        return raisers;
    }

    boolean isRaiser(String username) {
        return facts.raiser().equals(username) || cosigners.contains(username);
    }

    private List<Case> activeCases() {
        return cases.stream().filter(c -> c.status().active()).toList();
    }

    // --- who may do what

    /** What the actor may do to the matter as a whole now. */
    Set<MatterAction> allowedActions(Actor actor, HandlingRules rules) {
        Set<MatterAction> allowed = EnumSet.noneOf(MatterAction.class);
        for (MatterAction action : MatterAction.values()) {
            if (refusal(action, actor, rules) == null) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    /** What the actor may do to one of the cases now. */
    Set<CaseAction> allowedActions(Case aCase, Actor actor, HandlingRules rules) {
        Set<CaseAction> allowed = EnumSet.noneOf(CaseAction.class);
        for (CaseAction action : CaseAction.values()) {
            if (refusal(action, aCase, actor, rules) == null) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    /** Refuses the action if the actor may not do it now: 403 for the wrong person, 409 for the wrong time. */
    void require(MatterAction action, Actor actor, HandlingRules rules) {
        ProblemException refusal = refusal(action, actor, rules);
        if (refusal != null) {
            throw refusal;
        }
    }

    void require(CaseAction action, Case aCase, Actor actor, HandlingRules rules) {
        ProblemException refusal = refusal(action, aCase, actor, rules);
        if (refusal != null) {
            throw refusal;
        }
    }

    /** Why the actor may not do this to the matter now, or null if it may. */
    private ProblemException refusal(MatterAction action, Actor actor, HandlingRules rules) {
        boolean allowedActor = action == MatterAction.RATE ? isRaiser(actor.username()) : isStaff(actor);
        if (!allowedActor) {
            return Problems.forbidden();
        }
        MatterStatus status = status();
        if (!action.allowedIn(status)) {
            return invalid(action.name(), "matter.status." + status);
        }
        return switch (action) {
            case ACCEPT -> accepted != null ? invalid(action.name(), "matter.status." + status) : null;
            case ASSIGN -> Boolean.FALSE.equals(accepted) || !activeCases().isEmpty()
                    ? invalid(action.name(), "matter.status." + status) : null;
            case RATE -> ballots.contains(new Ballot(actor.username(), ratingRound()))
                    ? Problems.conflict("ALREADY_RATED", "problem.alreadyRated") : null;
            case CLOSE_UNRATED -> rules.mayCloseUnrated(type(), rules.dayOf(answeredAt)) ? null
                    : Problems.conflict("CLOSE_TOO_EARLY", "problem.closeTooEarly", rules.closeUnratedDays(type()));
            default -> null;
        };
    }

    /** Why the actor may not do this to the case now, or null if it may. */
    private ProblemException refusal(CaseAction action, Case c, Actor actor, HandlingRules rules) {
        ProblemException who = switch (action) {
            case DECIDE_EXTENSION, REMIND, REASSIGN -> isStaff(actor) ? null : Problems.forbidden();
            default -> !actor.has(Role.HANDLER) || !c.orgCode().equals(actor.orgCode()) ? Problems.forbidden()
                    : action == CaseAction.OPINION && c.role() != CaseRole.CO
                            ? new ProblemException(HttpStatus.FORBIDDEN, "NOT_CO_HANDLER", "problem.notCoHandler",
                                    List.of())
                            : (action == CaseAction.ANSWER || action == CaseAction.FOLLOW_UP) && !c.role().answers()
                                    ? new ProblemException(HttpStatus.FORBIDDEN, "CO_HANDLER_CANNOT_ANSWER",
                                            "problem.coCannotAnswer", List.of())
                                    : null;
        };
        if (who != null) {
            return who;
        }
        boolean open = status().isOpen();
        boolean allowed = c.status().allows(action) && (open || action == CaseAction.FOLLOW_UP) && switch (action) {
            case REQUEST_EXTENSION -> !c.extensionPending();
            case DECIDE_EXTENSION -> c.extensionPending();
            case FOLLOW_UP -> followUp;
            case REASSIGN -> !c.replaced();
            default -> true;
        };
        if (!allowed) {
            return invalid(action.name(), "case.status." + c.status());
        }
        if (action == CaseAction.RETURN && !rules.withinReturnWindow(type(), c.assignedOn())) {
            return Problems.conflict("RETURN_WINDOW_CLOSED", "problem.returnWindowClosed",
                    rules.returnWindowDays(type()));
        }
        return null;
    }

    // --- intake, by supervisors

    /** 立案 — a proposal is accepted for handling. */
    void accept(Actor actor, HandlingRules rules) {
        require(MatterAction.ACCEPT, actor, rules);
        accepted = true;
        history(rules.now(), actor.username(), "ACCEPTED", null, null);
        List<String> told = raisers();
        record(rules.now(), at -> new MatterEvent.MatterAccepted(id(), facts.title(), told, at));
    }

    /** 不立案 / 不予受理 — not accepted, with the reason the raisers are told. */
    void reject(Actor actor, String reason, HandlingRules rules) {
        require(MatterAction.REJECT, actor, rules);
        accepted = false;
        rejectionReason = reason;
        history(rules.now(), actor.username(), "REJECTED", null, reason);
        List<String> told = raisers();
        record(rules.now(), at -> new MatterEvent.MatterRejected(id(), facts.title(), told, at));
    }

    /**
     * 并案 — merged into an identical open matter. This matter's raiser and co-signers become
     * co-signers of the other, so that each still gets the answer and rates it.
     */
    void mergeInto(Actor actor, Matter into, HandlingRules rules) {
        require(MatterAction.MERGE, actor, rules);
        if (!into.status().isOpen()) {
            throw Problems.invalid("into", "validation.mergeClosed", into.id());
        }
        raisers().forEach(into::addCosigner);
        mergedInto = into.id;
        rejectionReason = "#" + into.id;
        history(rules.now(), actor.username(), "MERGED", null, "#" + into.id);
        MatterId kept = into.id();
        record(rules.now(), at -> new MatterEvent.MatterMerged(id(), kept, at));
    }

    // --- assignment, by supervisors

    /** What a supervisor assigns: a lead with co-handlers, or several departments answering separately. */
    record Assignment(String lead, List<String> co, List<String> separate, LocalDate dueDate) {
    }

    /** 交办 — one case per department, due by the type's time limit unless a date is given. */
    List<Case> assign(Actor actor, Assignment assignment, HandlingRules rules) {
        require(MatterAction.ASSIGN, actor, rules);
        OffsetDateTime now = rules.now();
        LocalDate today = rules.today();
        LocalDate leadDue = assignment.dueDate() != null ? assignment.dueDate()
                : rules.leadDue(type(), facts.series(), facts.urgent(), today);
        LocalDate coDue = assignment.dueDate() != null ? assignment.dueDate()
                : rules.coDue(type(), today, leadDue);
        List<Case> assigned = new ArrayList<>();
        if (assignment.lead() != null) {
            assigned.add(Case.assigned(assignment.lead(), CaseRole.LEAD, now, today, leadDue));
        }
        assignment.co().forEach(org -> assigned.add(Case.assigned(org, CaseRole.CO, now, today, coDue)));
        assignment.separate()
                .forEach(org -> assigned.add(Case.assigned(org, CaseRole.SEPARATE, now, today, leadDue)));
        cases.addAll(assigned);
        if (type() == MatterType.PROPOSAL && accepted == null) {
            accepted = true;
        }
        assignedAt = now;
        assigned.forEach(c -> history(now, actor.username(), "ASSIGNED", c, c.orgCode() + " " + c.role()));
        List<String> told = raisers();
        record(rules.now(), at -> new MatterEvent.CasesAssigned(id(), facts.title(),
                assigned.stream().map(Matter::assigned).toList(), told, at));
        return assigned;
    }

    /** Gives a returned case to another department; the returned one stays in the history. */
    Case reassign(Actor actor, CaseId returnedId, String orgCode, LocalDate dueDate, HandlingRules rules) {
        Case returned = aCase(returnedId);
        require(CaseAction.REASSIGN, returned, actor, rules);
        if (activeCases().stream().anyMatch(c -> c.orgCode().equals(orgCode))) {
            throw Problems.invalid("orgCode", "validation.orgTwice", orgCode);
        }
        LocalDate today = rules.today();
        LocalDate leadDue = rules.leadDue(type(), facts.series(), facts.urgent(), today);
        LocalDate due = dueDate != null ? dueDate
                : returned.role() == CaseRole.CO ? rules.coDue(type(), today, leadDue) : leadDue;
        OffsetDateTime now = rules.now();
        Case replacement = Case.assigned(orgCode, returned.role(), now, today, due);
        cases.add(replacement);
        returned.replaceBy(replacement);
        history(now, actor.username(), "REASSIGNED", replacement, "#" + returnedId + " → " + orgCode);
        record(rules.now(), at -> new MatterEvent.CaseReassigned(id(), facts.title(), returnedId,
                assigned(replacement), at));
        return replacement;
    }

    // --- handling, by departments

    /** 签收 — the department takes the case on. */
    void sign(Actor actor, CaseId caseId, HandlingRules rules) {
        Case c = aCase(caseId);
        require(CaseAction.SIGN, c, actor, rules);
        c.sign(rules.now());
        history(rules.now(), actor.username(), "SIGNED", c, null);
        record(rules.now(), at -> new MatterEvent.CaseSigned(id(), caseId, c.orgCode(), at));
    }

    /** 退回 — the department says the case is not its own, within the return window. */
    void giveBack(Actor actor, CaseId caseId, String reason, HandlingRules rules) {
        Case c = aCase(caseId);
        require(CaseAction.RETURN, c, actor, rules);
        c.giveBack(reason);
        history(rules.now(), actor.username(), "RETURNED", c, reason);
        record(rules.now(), at -> new MatterEvent.CaseReturned(id(), facts.title(), caseId, c.orgCode(), at));
    }

    /** Asks for a later due date, at most the type's longest time in all; a supervisor decides. */
    void requestExtension(Actor actor, CaseId caseId, LocalDate until, String reason, HandlingRules rules) {
        Case c = aCase(caseId);
        require(CaseAction.REQUEST_EXTENSION, c, actor, rules);
        if (!until.isAfter(c.dueDate())) {
            throw Problems.invalid("until", "validation.extensionAfterDue", c.dueDate());
        }
        LocalDate latest = rules.latestExtension(type(), c.assignedOn());
        if (until.isAfter(latest)) {
            throw Problems.invalid("until", "validation.extensionTooLong", latest);
        }
        c.askExtension(until, reason);
        history(rules.now(), actor.username(), "EXTENSION_REQUESTED", c, until + " " + reason);
        record(rules.now(), at -> new MatterEvent.ExtensionRequested(id(), facts.title(), caseId, c.orgCode(), until,
                at));
    }

    void decideExtension(Actor actor, CaseId caseId, boolean grant, String note, HandlingRules rules) {
        Case c = aCase(caseId);
        require(CaseAction.DECIDE_EXTENSION, c, actor, rules);
        c.decideExtension(grant);
        history(rules.now(), actor.username(), grant ? "EXTENSION_GRANTED" : "EXTENSION_REFUSED", c, note);
        LocalDate due = c.dueDate();
        record(rules.now(), at -> new MatterEvent.ExtensionDecided(id(), facts.title(), caseId, c.orgCode(), grant,
                due, at));
    }

    /** 沟通/面商 — the department logs a contact with the raiser. */
    void contact(Actor actor, CaseId caseId, ContactMethod method, String note, HandlingRules rules) {
        Case c = aCase(caseId);
        require(CaseAction.CONTACT, c, actor, rules);
        c.markContacted();
        history(rules.now(), actor.username(), "CONTACT_" + method, c, note);
        record(rules.now(), at -> new MatterEvent.RaiserContacted(id(), caseId, c.orgCode(), at));
    }

    /** A co-handler's opinion, sent to the lead department (co-handlers never answer the raiser). */
    void sendOpinion(Actor actor, CaseId caseId, String text, HandlingRules rules) {
        Case c = aCase(caseId);
        require(CaseAction.OPINION, c, actor, rules);
        c.sendOpinion(text, rules.now());
        history(rules.now(), actor.username(), "OPINION_SENT", c, null);
        record(rules.now(), at -> new MatterEvent.OpinionSent(id(), caseId, c.orgCode(), at));
    }

    /**
     * 答复 — the lead (or a department answering separately) answers the raisers, signed off by its
     * head. Once every answering department has answered, the matter waits for the rating.
     */
    void answer(Actor actor, CaseId caseId, AnswerCategory category, String text, String signedOffBy,
            HandlingRules rules) {
        Case c = aCase(caseId);
        require(CaseAction.ANSWER, c, actor, rules);
        if (!rules.answerCategories().contains(category)) {
            throw Problems.invalid("category", "validation.oneOf", categories(rules));
        }
        OffsetDateTime now = rules.now();
        c.answer(category, text, signedOffBy, now);
        if (category.needsFollowUp()) {
            followUp = true;
        }
        boolean answered = status() == MatterStatus.ANSWERED;
        if (answered) {
            answeredAt = now;
        }
        history(now, actor.username(), "ANSWERED", c, category.name());
        List<String> told = raisers();
        record(rules.now(), at -> new MatterEvent.CaseAnswered(id(), facts.title(), caseId, c.orgCode(),
                category.name(), told, answered, at));
    }

    /** 跟踪办理 — a further report on an answer that promised more; once solved, the follow-up ends. */
    void followUp(Actor actor, CaseId caseId, String text, boolean solved, HandlingRules rules) {
        Case c = aCase(caseId);
        require(CaseAction.FOLLOW_UP, c, actor, rules);
        if (solved) {
            followUp = false;
        }
        history(rules.now(), actor.username(), solved ? "FOLLOW_UP_SOLVED" : "FOLLOW_UP", c, text);
        record(rules.now(), at -> new MatterEvent.FollowedUp(id(), caseId, c.orgCode(), solved, at));
    }

    // --- evaluation and closing

    /**
     * 评价 — a raiser rates the answer. The raiser's satisfied or basically satisfied closes the matter;
     * unsatisfied sends the answering cases back once for re-handling with a new deadline, and after
     * that any rating closes it. Co-signers' ratings are recorded beside the raiser's.
     */
    void rate(Actor actor, Rating given, String comment, HandlingRules rules) {
        require(MatterAction.RATE, actor, rules);
        OffsetDateTime now = rules.now();
        Ballot ballot = new Ballot(actor.username(), ratingRound());
        ballots.add(ballot);
        newRatings.add(new Rated(ballot, given, comment, now));
        boolean byRaiser = facts.raiser().equals(actor.username());
        List<String> rehandlingOrgs = new ArrayList<>();
        if (byRaiser) {
            rating = given;
            if (!given.satisfied() && !rehandled) {
                LocalDate due = rules.rehandleDue(type(), rules.today());
                for (Case c : activeCases()) {
                    if (c.role().answers() && c.status() == CaseStatus.ANSWERED) {
                        c.rehandle(due);
                        rehandlingOrgs.add(c.orgCode());
                    }
                }
                rehandled = true;
            }
        }
        history(now, actor.username(), "RATED_" + given, null, comment);
        String rater = actor.username();
        record(rules.now(), at -> new MatterEvent.MatterRated(id(), facts.title(), rater, given.name(), byRaiser,
                rehandlingOrgs, at));
        if (byRaiser && rehandlingOrgs.isEmpty()) {
            close(now, false);
        }
    }

    /** 销号 — staff close an answer that its raiser has not rated within the configured wait. */
    void closeUnrated(Actor actor, HandlingRules rules) {
        require(MatterAction.CLOSE_UNRATED, actor, rules);
        history(rules.now(), actor.username(), "CLOSED_UNRATED", null, null);
        close(rules.now(), true);
    }

    private void close(OffsetDateTime now, boolean unrated) {
        activeCases().forEach(Case::close);
        closedAt = now;
        List<String> told = raisers();
        record(now, at -> new MatterEvent.MatterClosed(id(), facts.title(), told, unrated, at));
    }

    // --- supervision

    /** 重点督办 — marks a key matter and names the leader who supervises it. */
    void supervise(Actor actor, boolean keyMatter, String leader, HandlingRules rules) {
        require(MatterAction.SUPERVISE, actor, rules);
        key = keyMatter;
        supervisingLeader = leader;
        history(rules.now(), actor.username(), keyMatter ? "MARKED_KEY" : "UNMARKED_KEY", null, leader);
        record(rules.now(), at -> new MatterEvent.SupervisionChanged(id(), keyMatter, leader, at));
    }

    /** 催办 — a supervisor chases the department up. */
    void remind(Actor actor, CaseId caseId, String text, HandlingRules rules) {
        Case c = aCase(caseId);
        require(CaseAction.REMIND, c, actor, rules);
        history(rules.now(), actor.username(), "REMINDED", c, text);
        record(rules.now(), at -> new MatterEvent.CaseReminded(id(), facts.title(), caseId, c.orgCode(), at));
    }

    /**
     * The daily deadline watch found a pending case due soon, or overdue: its history says so and the
     * department (or the supervisors) are told. The watch asks once per case and due date.
     */
    void alert(CaseId caseId, boolean overdue, String message, HandlingRules rules) {
        Case c = aCase(caseId);
        if (!c.status().pending() || !status().isOpen()) {
            return;
        }
        history(rules.now(), SYSTEM, overdue ? "NOTIFIED_OVERDUE" : "NOTIFIED_DUE_SOON", c, message);
        LocalDate due = c.dueDate();
        record(rules.now(), at -> overdue
                ? new MatterEvent.CaseOverdue(id(), facts.title(), caseId, c.orgCode(), due, at)
                : new MatterEvent.CaseDueSoon(id(), facts.title(), caseId, c.orgCode(), due, at));
    }

    // --- what the repository saves

    /** What the matter counted for in the tallies when it was loaded. */
    Tallies.Share shareBefore() {
        return before;
    }

    /** What the matter counts for in the tallies now: its status, its cases, its pending work by due date. */
    Tallies.Share share() {
        MatterStatus status = status();
        long active = 0;
        LocalDate nextDue = null;
        Map<Tallies.PendingKey, Long> pending = new HashMap<>();
        for (Case c : cases) {
            if (c.status().active()) {
                active++;
            }
            if (c.status().pending()) {
                pending.merge(new Tallies.PendingKey(c.orgCode(), c.dueDate()), 1L, Long::sum);
                if (status.isOpen() && (nextDue == null || c.dueDate().isBefore(nextDue))) {
                    nextDue = c.dueDate();
                }
            }
        }
        return new Tallies.Share(facts.series() == null ? Tallies.NO_SERIES : facts.series(), status, active, nextDue,
                pending);
    }

    Set<String> newCosigners() {
        return newCosigners;
    }

    List<Rated> newRatings() {
        return newRatings;
    }

    List<History> newHistory() {
        return newHistory;
    }

    /** The events of this change, once the matter and its new cases have ids; each is given once. */
    List<MatterEvent> takeEvents() {
        List<MatterEvent> taken = events.stream().map(Supplier::get).toList();
        events.clear();
        return taken;
    }

    /** 附议 — an invited raiser accepted: from now on gets the answer and may rate it. */
    void cosign(String username) {
        addCosigner(username);
    }

    // --- helpers

    private void addCosigner(String username) {
        if (!facts.raiser().equals(username) && cosigners.add(username)) {
            newCosigners.add(username);
        }
    }

    private void history(OffsetDateTime at, String actor, String kind, Case aCase, String note) {
        newHistory.add(new History(at, actor, kind, aCase, note));
    }

    /** Events are made when taken: a matter or case just created has no id until it is saved. */
    private void record(OffsetDateTime when, Function<Instant, MatterEvent> event) {
        Instant at = when.toInstant();
        events.add(() -> event.apply(at));
    }

    private static MatterEvent.AssignedCase assigned(Case c) {
        return new MatterEvent.AssignedCase(c.id(), c.orgCode(), c.role().name(), c.dueDate());
    }

    private static String categories(HandlingRules rules) {
        return String.join(", ", rules.answerCategories().stream().map(Enum::name).sorted().toList());
    }

    static boolean isStaff(Actor actor) {
        return actor.has(Role.SUPERVISOR) || actor.has(Role.ADMIN);
    }

    private static ProblemException invalid(String action, String stateKey) {
        return Problems.conflict(Problems.INVALID_TRANSITION, "problem.invalidTransition",
                new DefaultMessageSourceResolvable(new String[] { "matters.action." + action }, action),
                new DefaultMessageSourceResolvable(new String[] { stateKey }, stateKey));
    }
}
