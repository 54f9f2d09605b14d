package org.civicdesk.matters.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civicdesk.audit.AuditTrail;
import org.civicdesk.directory.Directory;
import org.civicdesk.matters.MatterStatus;
import org.civicdesk.matters.MatterType;
import org.civicdesk.matters.internal.Model.Case;
import org.civicdesk.matters.internal.Model.CaseRole;
import org.civicdesk.matters.internal.Model.CaseStatus;
import org.civicdesk.matters.internal.Model.Channel;
import org.civicdesk.matters.internal.Model.ContactMethod;
import org.civicdesk.matters.internal.Model.Matter;
import org.civicdesk.matters.internal.Model.Rating;
import org.civicdesk.meetings.MeetingRef;
import org.civicdesk.meetings.Meetings;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.ProblemException;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every transition of a matter and its cases. Each one locks the matter's row, checks the state and
 * the actor's role, changes the rows, writes the history and the audit entry, all in one
 * transaction: a refused action changes nothing, and of two people acting at once the second sees
 * the first one's result and is refused if it no longer fits.
 */
@Service
@Transactional
class MatterService {

    static final String INVALID_TRANSITION = Problems.INVALID_TRANSITION;

    private final MatterRepository repo;
    private final Deadlines deadlines;
    private final Directory directory;
    private final ObjectProvider<Meetings> meetings;
    private final AuditTrail audit;
    private final Clock clock;

    MatterService(MatterRepository repo, Deadlines deadlines, Directory directory, ObjectProvider<Meetings> meetings,
            AuditTrail audit, Clock clock) {
        this.repo = repo;
        this.deadlines = deadlines;
        this.directory = directory;
        this.meetings = meetings;
        this.audit = audit;
        this.clock = clock;
    }

    // --- intake

    long raise(Commands.Raise cmd) {
        return raise(cmd, false);
    }

    long raise(Commands.Raise cmd, boolean example) {
        Actor actor = Actor.require();
        boolean staff = actor.has(Role.SUPERVISOR) || actor.has(Role.ADMIN);
        if (!staff && !actor.has(Role.RAISER)) {
            throw Problems.forbidden();
        }
        String raiser = cmd.raiser() == null || cmd.raiser().isBlank() ? null : cmd.raiser().trim();
        if (raiser != null && !raiser.equals(actor.username()) && !staff) {
            throw Problems.forbidden();
        }
        Checks checks = new Checks();
        MatterType type = checks.oneOf("type", cmd.type(), MatterType.class);
        checks.required("type", cmd.type());
        checks.required("title", cmd.title()).maxLength("title", cmd.title(), 200);
        checks.required("content", cmd.content()).maxLength("content", cmd.content(), 20000);
        checks.maxLength("category", cmd.category(), 50).maxLength("district", cmd.district(), 100);
        Channel channel = checks.oneOf("channel", cmd.channel(), Channel.class);
        if (raiser == null) {
            if (actor.has(Role.RAISER)) {
                raiser = actor.username();
            } else {
                checks.add("raiser", "validation.required");
            }
        } else if (directory.findAccount(raiser).isEmpty()) {
            checks.add("raiser", "validation.unknownAccount", raiser);
        }
        String series = cmd.series() == null || cmd.series().isBlank() ? null : cmd.series().trim();
        if (cmd.meetingId() != null) {
            MeetingRef meeting = meetings().meeting(cmd.meetingId()).orElse(null);
            if (meeting == null) {
                checks.add("meetingId", "validation.unknownMeeting", cmd.meetingId());
            } else if (series != null && !series.equals(meeting.seriesSlug())) {
                checks.add("series", "validation.seriesMismatch", meeting.seriesSlug());
            } else {
                series = meeting.seriesSlug();
            }
        }
        if (series != null && cmd.meetingId() == null && meetings().series(series).isEmpty()) {
            checks.add("series", "validation.unknownSeries", series);
        }
        Set<String> cosigners = new LinkedHashSet<>(cmd.cosigners() == null ? List.of() : cmd.cosigners());
        int i = 0;
        for (String c : cosigners) {
            if (c == null || directory.findAccount(c).isEmpty()) {
                checks.add("cosigners[" + i + "]", "validation.unknownAccount", c);
            }
            i++;
        }
        checks.throwIfAny();
        if (channel == null) {
            channel = cmd.meetingId() != null ? Channel.MEETING
                    : series != null && (type == MatterType.SUGGESTION || type == MatterType.PROPOSAL) ? Channel.SESSION
                            : Channel.WEB;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Matter matter = new Matter(0, type, cmd.title().trim(), cmd.content().trim(), blank(cmd.category()),
                blank(cmd.district()), raiser, raiser.equals(actor.username()) ? null : actor.username(), series,
                cmd.meetingId(), channel, MatterStatus.REGISTERED, null, null, null, Boolean.TRUE.equals(cmd.urgent()),
                false, null, Boolean.TRUE.equals(cmd.confidential()), false, false, null, example, now, null, null,
                null);
        long id = repo.insert(matter);
        for (String c : cosigners) {
            if (!c.equals(raiser)) {
                repo.addCosigner(id, c);
            }
        }
        repo.event(id, null, now, actor.username(), "RAISED", null);
        audit.record("matter.raised", "matter", Long.toString(id), null, Map.of("type", type, "title",
                matter.title(), "raiser", raiser, "series", series == null ? "" : series));
        return id;
    }

    /** 立案 — a proposal is accepted for handling. */
    void accept(long matterId) {
        requireStaff();
        Matter m = lockMatter(matterId);
        if (m.status() != MatterStatus.REGISTERED || Boolean.TRUE.equals(m.accepted())) {
            throw invalid("matter.accept", m.status());
        }
        repo.setMatter(matterId, "accepted", true);
        transition(m, "ACCEPTED", null, "matter.accepted");
    }

    /** 不立案 / 不予受理 — not accepted, with the reason the raiser is told. */
    void reject(long matterId, Commands.Reason cmd) {
        requireStaff();
        new Checks().required("reason", cmd.reason()).maxLength("reason", cmd.reason(), 1000).throwIfAny();
        Matter m = lockMatter(matterId);
        if (m.status() != MatterStatus.REGISTERED) {
            throw invalid("matter.reject", m.status());
        }
        repo.setMatter(matterId, "accepted", false);
        repo.setMatter(matterId, "rejection_reason", cmd.reason().trim());
        repo.setStatus(matterId, MatterStatus.REJECTED);
        transition(m, "REJECTED", cmd.reason().trim(), "matter.rejected");
    }

    /**
     * 并案 — merges a matter into an identical one. Its raiser and co-signers become co-signers of
     * the other, so that each of them still gets the answer and rates it.
     */
    void merge(long matterId, Commands.Merge cmd) {
        requireStaff();
        new Checks().required("into", cmd.into()).check(cmd.into() == null || cmd.into() != matterId, "into",
                "validation.mergeSelf").throwIfAny();
        long first = Math.min(matterId, cmd.into());
        lockMatter(first);
        lockMatter(Math.max(matterId, cmd.into()));
        Matter m = repo.find(matterId).orElseThrow();
        Matter into = repo.find(cmd.into()).orElseThrow(() -> Problems.invalid("into", "validation.unknownMatter",
                cmd.into()));
        if (m.status() != MatterStatus.REGISTERED || !into.status().isOpen()) {
            throw invalid("matter.merge", m.status());
        }
        repo.addCosigner(into.id(), m.raiser());
        for (String c : repo.cosigners(matterId)) {
            repo.addCosigner(into.id(), c);
        }
        repo.setMatter(matterId, "merged_into", into.id());
        repo.setMatter(matterId, "rejection_reason", "#" + into.id());
        repo.setStatus(matterId, MatterStatus.REJECTED);
        transition(m, "MERGED", "#" + into.id(), "matter.merged");
    }

    // --- assignment

    /** 交办 — one case per department: a lead with co-handlers, or several answering separately. */
    List<Case> assign(long matterId, Commands.Assign cmd) {
        requireStaff();
        Matter m = lockMatter(matterId);
        List<Case> active = repo.cases(matterId).stream().filter(c -> c.status() != CaseStatus.RETURNED).toList();
        boolean fresh = m.status() == MatterStatus.REGISTERED
                || (m.status() == MatterStatus.ASSIGNED && active.isEmpty());
        if (!fresh || Boolean.FALSE.equals(m.accepted())) {
            throw invalid("matter.assign", m.status());
        }
        Checks checks = new Checks();
        List<String> co = cmd.co() == null ? List.of() : cmd.co();
        List<String> separate = cmd.separate() == null ? List.of() : cmd.separate();
        String lead = blank(cmd.lead());
        if (lead == null && separate.isEmpty()) {
            checks.add("lead", "validation.required");
        }
        if (lead != null && !separate.isEmpty()) {
            checks.add("separate", "validation.leadOrSeparate");
        }
        Set<String> seen = new LinkedHashSet<>();
        if (lead != null) {
            checkOrg(checks, "lead", lead, seen);
        }
        for (int i = 0; i < co.size(); i++) {
            checkOrg(checks, "co[" + i + "]", co.get(i), seen);
        }
        for (int i = 0; i < separate.size(); i++) {
            checkOrg(checks, "separate[" + i + "]", separate.get(i), seen);
        }
        LocalDate today = deadlines.today();
        checks.check(cmd.dueDate() == null || !cmd.dueDate().isBefore(today), "dueDate", "validation.pastDate");
        checks.throwIfAny();
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate leadDue = cmd.dueDate() != null ? cmd.dueDate()
                : deadlines.leadDue(m.type(), m.seriesSlug(), m.urgent(), today);
        LocalDate coDue = cmd.dueDate() != null ? cmd.dueDate() : deadlines.coDue(m.type(), today, leadDue);
        Actor actor = Actor.require();
        List<Long> ids = new ArrayList<>();
        if (lead != null) {
            ids.add(repo.insertCase(matterId, lead.trim(), CaseRole.LEAD, now, today, leadDue));
        }
        for (String org : co) {
            ids.add(repo.insertCase(matterId, org.trim(), CaseRole.CO, now, today, coDue));
        }
        for (String org : separate) {
            ids.add(repo.insertCase(matterId, org.trim(), CaseRole.SEPARATE, now, today, leadDue));
        }
        if (m.type() == MatterType.PROPOSAL && m.accepted() == null) {
            repo.setMatter(matterId, "accepted", true);
        }
        repo.setMatter(matterId, "assigned_at", now);
        repo.setStatus(matterId, MatterStatus.ASSIGNED);
        List<Case> cases = repo.cases(matterId).stream().filter(c -> ids.contains(c.id())).toList();
        for (Case c : cases) {
            repo.event(matterId, c.id(), now, actor.username(), "ASSIGNED", c.orgCode() + " " + c.role());
        }
        audit.record("matter.assigned", "matter", Long.toString(matterId), Map.of("status", m.status()),
                Map.of("status", MatterStatus.ASSIGNED, "cases", cases.stream().map(c -> Map.of("id", c.id(), "org",
                        c.orgCode(), "role", c.role(), "dueDate", c.dueDate().toString())).toList()));
        return cases;
    }

    /** Gives a returned case to the right department; the returned one stays in the history. */
    Case reassign(long caseId, Commands.Reassign cmd) {
        requireStaff();
        Case c = caseOf(caseId);
        Matter m = lockMatter(c.matterId());
        c = repo.lockCase(caseId).orElseThrow();
        if (c.status() != CaseStatus.RETURNED || c.replacedBy() != null || !m.status().isOpen()) {
            throw invalid("case.reassign", c.status());
        }
        Checks checks = new Checks();
        checks.required("orgCode", cmd.orgCode());
        Set<String> taken = new LinkedHashSet<>();
        repo.cases(m.id()).stream().filter(x -> x.status() != CaseStatus.RETURNED).forEach(x -> taken.add(x.orgCode()));
        if (cmd.orgCode() != null && !cmd.orgCode().isBlank()) {
            checkOrg(checks, "orgCode", cmd.orgCode(), taken);
        }
        checks.check(cmd.dueDate() == null || !cmd.dueDate().isBefore(deadlines.today()), "dueDate",
                "validation.pastDate");
        checks.throwIfAny();
        LocalDate today = deadlines.today();
        LocalDate due = cmd.dueDate() != null ? cmd.dueDate()
                : c.role() == CaseRole.CO ? deadlines.coDue(m.type(), today,
                        deadlines.leadDue(m.type(), m.seriesSlug(), m.urgent(), today))
                        : deadlines.leadDue(m.type(), m.seriesSlug(), m.urgent(), today);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = repo.insertCase(m.id(), cmd.orgCode().trim(), c.role(), now, today, due);
        repo.setCase(caseId, "replaced_by", id);
        if (m.status() == MatterStatus.REGISTERED) {
            repo.setStatus(m.id(), MatterStatus.ASSIGNED);
        }
        repo.event(m.id(), id, now, Actor.require().username(), "REASSIGNED", "#" + caseId + " → " + cmd.orgCode());
        audit.record("case.reassigned", "case", Long.toString(caseId), Map.of("org", c.orgCode()),
                Map.of("org", cmd.orgCode().trim(), "newCase", id));
        return repo.findCase(id).orElseThrow();
    }

    // --- handling by departments

    /** 签收 — the department takes the case on. */
    void sign(long caseId) {
        Case c = handlersCase(caseId);
        Matter m = lockMatter(c.matterId());
        c = repo.lockCase(caseId).orElseThrow();
        if (c.status() != CaseStatus.ASSIGNED) {
            throw invalid("case.sign", c.status());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        repo.setCaseStatus(caseId, CaseStatus.SIGNED);
        repo.setCase(caseId, "signed_at", now);
        if (m.status() == MatterStatus.ASSIGNED) {
            repo.setStatus(m.id(), MatterStatus.IN_PROGRESS);
        }
        caseTransition(m, c, "SIGNED", null, "case.signed", CaseStatus.SIGNED);
    }

    /** 退回 — the department says the case is not its own, within the return window. */
    void returnCase(long caseId, Commands.Reason cmd) {
        Case c = handlersCase(caseId);
        new Checks().required("reason", cmd.reason()).maxLength("reason", cmd.reason(), 1000).throwIfAny();
        Matter m = lockMatter(c.matterId());
        c = repo.lockCase(caseId).orElseThrow();
        if (c.status() != CaseStatus.ASSIGNED && c.status() != CaseStatus.SIGNED) {
            throw invalid("case.return", c.status());
        }
        if (!deadlines.withinReturnWindow(m.type(), c.assignedOn())) {
            throw Problems.conflict("RETURN_WINDOW_CLOSED", "problem.returnWindowClosed",
                    deadlines.limit(m.type()).returnWindowDays());
        }
        repo.setCaseStatus(caseId, CaseStatus.RETURNED);
        repo.setCase(caseId, "return_reason", cmd.reason().trim());
        boolean anySigned = repo.cases(m.id()).stream()
                .anyMatch(x -> x.id() != caseId && x.status() != CaseStatus.RETURNED && x.signedAt() != null);
        if (m.status() == MatterStatus.IN_PROGRESS && !anySigned) {
            repo.setStatus(m.id(), MatterStatus.ASSIGNED);
        }
        caseTransition(m, c, "RETURNED", cmd.reason().trim(), "case.returned", CaseStatus.RETURNED);
    }

    /** Asks for more time; a supervisor grants or refuses it. */
    void requestExtension(long caseId, Commands.Extension cmd) {
        Case c = handlersCase(caseId);
        Matter m = lockMatter(c.matterId());
        c = repo.lockCase(caseId).orElseThrow();
        Checks checks = new Checks();
        checks.required("until", cmd.until()).required("reason", cmd.reason()).maxLength("reason", cmd.reason(), 1000);
        if (cmd.until() != null) {
            checks.check(cmd.until().isAfter(c.dueDate()), "until", "validation.extensionAfterDue", c.dueDate());
            LocalDate latest = deadlines.latestExtension(m.type(), c.assignedOn());
            checks.check(!cmd.until().isAfter(latest), "until", "validation.extensionTooLong", latest);
        }
        checks.throwIfAny();
        if (!c.status().pending() || c.extensionUntil() != null) {
            throw invalid("case.extension", c.status());
        }
        repo.setCase(caseId, "extension_until", cmd.until());
        repo.setCase(caseId, "extension_reason", cmd.reason().trim());
        caseTransition(m, c, "EXTENSION_REQUESTED", cmd.until() + " " + cmd.reason().trim(), "case.extensionRequested",
                c.status());
    }

    void decideExtension(long caseId, Commands.Decision cmd) {
        requireStaff();
        new Checks().required("grant", cmd.grant()).throwIfAny();
        Case c = caseOf(caseId);
        Matter m = lockMatter(c.matterId());
        c = repo.lockCase(caseId).orElseThrow();
        if (c.extensionUntil() == null) {
            throw invalid("case.extensionDecision", c.status());
        }
        if (cmd.grant()) {
            repo.setCase(caseId, "due_date", c.extensionUntil());
        }
        repo.setCase(caseId, "extension_until", null);
        caseTransition(m, c, cmd.grant() ? "EXTENSION_GRANTED" : "EXTENSION_REFUSED", blank(cmd.note()),
                cmd.grant() ? "case.extensionGranted" : "case.extensionRefused", c.status());
    }

    /** 沟通/面商 — the department logs a contact with the raiser. */
    void contact(long caseId, Commands.Contact cmd) {
        Case c = handlersCase(caseId);
        Checks checks = new Checks();
        checks.required("method", cmd.method());
        ContactMethod method = checks.oneOf("method", cmd.method(), ContactMethod.class);
        checks.maxLength("note", cmd.note(), 2000).throwIfAny();
        Matter m = lockMatter(c.matterId());
        c = repo.lockCase(caseId).orElseThrow();
        if (c.status() == CaseStatus.RETURNED || c.status() == CaseStatus.CLOSED) {
            throw invalid("case.contact", c.status());
        }
        repo.setCase(caseId, "contacted", true);
        caseTransition(m, c, "CONTACT_" + method, blank(cmd.note()), "case.contacted", c.status());
    }

    /** A co-handler's opinion, sent to the lead department (co-handlers never answer the raiser). */
    void opinion(long caseId, Commands.Text cmd) {
        Case c = handlersCase(caseId);
        if (c.role() != CaseRole.CO) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "NOT_CO_HANDLER", "problem.notCoHandler", List.of());
        }
        new Checks().required("text", cmd.text()).maxLength("text", cmd.text(), 20000).throwIfAny();
        Matter m = lockMatter(c.matterId());
        c = repo.lockCase(caseId).orElseThrow();
        if (c.status() != CaseStatus.SIGNED) {
            throw invalid("case.opinion", c.status());
        }
        repo.setCase(caseId, "opinion", cmd.text().trim());
        repo.setCase(caseId, "answered_at", OffsetDateTime.now(clock));
        repo.setCaseStatus(caseId, CaseStatus.OPINION_SENT);
        caseTransition(m, c, "OPINION_SENT", null, "case.opinionSent", CaseStatus.OPINION_SENT);
    }

    /** 答复 — the lead (or a separate handler) answers the raiser, signed off by its head. */
    void answer(long caseId, Commands.Answer cmd) {
        Case c = handlersCase(caseId);
        if (!c.role().answers()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "CO_HANDLER_CANNOT_ANSWER", "problem.coCannotAnswer",
                    List.of());
        }
        Checks checks = new Checks();
        checks.required("category", cmd.category());
        checks.check(cmd.category() == null || List.of("A", "B", "C").contains(cmd.category()), "category",
                "validation.oneOf", "A, B, C");
        checks.required("text", cmd.text()).maxLength("text", cmd.text(), 50000);
        checks.maxLength("signedOffBy", cmd.signedOffBy(), 100).throwIfAny();
        Matter m = lockMatter(c.matterId());
        c = repo.lockCase(caseId).orElseThrow();
        if (c.status() != CaseStatus.SIGNED && c.status() != CaseStatus.REHANDLING) {
            throw invalid("case.answer", c.status());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        repo.setCase(caseId, "category", cmd.category());
        repo.setCase(caseId, "answer", cmd.text().trim());
        repo.setCase(caseId, "signed_off_by", blank(cmd.signedOffBy()));
        repo.setCase(caseId, "answered_at", now);
        repo.setCaseStatus(caseId, CaseStatus.ANSWERED);
        long stillToAnswer = repo.cases(m.id()).stream().filter(x -> x.id() != caseId && x.role().answers()
                && x.status() != CaseStatus.RETURNED && x.status() != CaseStatus.ANSWERED).count();
        if (stillToAnswer == 0) {
            repo.setStatus(m.id(), MatterStatus.ANSWERED);
            repo.setMatter(m.id(), "answered_at", now);
        }
        if ("B".equals(cmd.category())) {
            repo.setMatter(m.id(), "follow_up", true);
        }
        caseTransition(m, c, "ANSWERED", cmd.category(), "case.answered", CaseStatus.ANSWERED);
    }

    /**
     * 跟踪办理 — a further report on a matter answered as B; once it says solved, the matter leaves
     * the follow-up list.
     */
    void followUp(long caseId, Commands.FollowUp cmd) {
        Case c = handlersCase(caseId);
        new Checks().required("text", cmd.text()).maxLength("text", cmd.text(), 20000).throwIfAny();
        Matter m = lockMatter(c.matterId());
        if (!m.followUp() || !c.role().answers()) {
            throw invalid("case.followUp", c.status());
        }
        if (Boolean.TRUE.equals(cmd.solved())) {
            repo.setMatter(m.id(), "follow_up", false);
        }
        caseTransition(m, c, Boolean.TRUE.equals(cmd.solved()) ? "FOLLOW_UP_SOLVED" : "FOLLOW_UP", cmd.text().trim(),
                "case.followUp", c.status());
    }

    // --- evaluation and closing

    /**
     * 评价 — the raiser rates the answer. Satisfied or basically satisfied closes the matter;
     * unsatisfied sends it back once for re-handling with a new deadline; after that, any rating
     * closes it. Co-signers' ratings are recorded beside the raiser's.
     */
    MatterStatus evaluate(long matterId, Commands.Evaluation cmd) {
        Actor actor = Actor.require();
        Checks checks = new Checks();
        checks.required("rating", cmd.rating());
        Rating rating = checks.oneOf("rating", cmd.rating(), Rating.class);
        checks.maxLength("comment", cmd.comment(), 2000).throwIfAny();
        Matter m = lockMatter(matterId);
        boolean raiser = m.raiser().equals(actor.username());
        if (!raiser && !repo.cosigners(matterId).contains(actor.username())) {
            throw Problems.forbidden();
        }
        if (m.status() != MatterStatus.ANSWERED) {
            throw invalid("matter.evaluate", m.status());
        }
        int round = m.ratingRound();
        if (repo.hasRated(matterId, actor.username(), round)) {
            throw Problems.conflict("ALREADY_RATED", "problem.alreadyRated");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        repo.evaluation(matterId, actor.username(), rating.name(), blank(cmd.comment()), round, now);
        if (!raiser) {
            repo.event(matterId, null, now, actor.username(), "RATED_" + rating, blank(cmd.comment()));
            audit.record("matter.cosignerRated", "matter", Long.toString(matterId), null, Map.of("rating", rating));
            return m.status();
        }
        repo.setMatter(matterId, "rating", rating.name());
        if (rating == Rating.UNSATISFIED && !m.rehandled()) {
            LocalDate due = deadlines.rehandleDue(m.type(), deadlines.today());
            for (Case c : repo.cases(matterId)) {
                if (c.role().answers() && c.status() == CaseStatus.ANSWERED) {
                    repo.setCaseStatus(c.id(), CaseStatus.REHANDLING);
                    repo.setCase(c.id(), "due_date", due);
                }
            }
            repo.setMatter(matterId, "rehandled", true);
            repo.setStatus(matterId, MatterStatus.REHANDLING);
            transition(m, "RATED_" + rating, blank(cmd.comment()), "matter.rehandling", MatterStatus.REHANDLING);
            return MatterStatus.REHANDLING;
        }
        close(m, "RATED_" + rating, blank(cmd.comment()));
        return MatterStatus.CLOSED;
    }

    /** Staff close an answered matter that its raiser has not rated within the configured wait. */
    void closeUnrated(long matterId) {
        requireStaff();
        Matter m = lockMatter(matterId);
        if (m.status() != MatterStatus.ANSWERED) {
            throw invalid("matter.close", m.status());
        }
        LocalDate answeredOn = m.answeredAt().atZoneSameInstant(deadlines.zone()).toLocalDate();
        if (!deadlines.mayCloseUnrated(m.type(), answeredOn)) {
            throw Problems.conflict("CLOSE_TOO_EARLY", "problem.closeTooEarly",
                    deadlines.limit(m.type()).closeUnratedDays());
        }
        close(m, "CLOSED_UNRATED", null);
    }

    private void close(Matter m, String kind, String note) {
        repo.closeOpenCases(m.id());
        repo.setMatter(m.id(), "closed_at", OffsetDateTime.now(clock));
        repo.setStatus(m.id(), MatterStatus.CLOSED);
        transition(m, kind, note, "matter.closed", MatterStatus.CLOSED);
    }

    // --- supervision

    /** 重点督办 — marks a key matter and names the leader who supervises it. */
    void supervise(long matterId, Commands.Supervise cmd) {
        requireStaff();
        new Checks().required("key", cmd.key()).maxLength("leader", cmd.leader(), 100).throwIfAny();
        Matter m = lockMatter(matterId);
        repo.setMatter(matterId, "key_matter", cmd.key());
        repo.setMatter(matterId, "supervising_leader", blank(cmd.leader()));
        transition(m, cmd.key() ? "MARKED_KEY" : "UNMARKED_KEY", blank(cmd.leader()), "matter.supervised");
    }

    /** 催办 — a supervisor chases a department up. */
    void remind(long caseId, Commands.Text cmd) {
        requireStaff();
        new Checks().maxLength("text", cmd.text(), 2000).throwIfAny();
        Case c = caseOf(caseId);
        Matter m = lockMatter(c.matterId());
        c = repo.lockCase(caseId).orElseThrow();
        if (!c.status().pending()) {
            throw invalid("case.remind", c.status());
        }
        caseTransition(m, c, "REMINDED", blank(cmd.text()), "case.reminded", c.status());
    }

    // --- helpers

    private void checkOrg(Checks checks, String field, String code, Set<String> seen) {
        if (code == null || code.isBlank()) {
            checks.add(field, "validation.required");
        } else if (directory.findOrg(code.trim()).isEmpty()) {
            checks.add(field, "validation.unknownOrg", code);
        } else if (!seen.add(code.trim())) {
            checks.add(field, "validation.orgTwice", code);
        }
    }

    private Meetings meetings() {
        Meetings m = meetings.getIfAvailable();
        if (m == null) {
            throw new IllegalStateException("The meetings module is not available");
        }
        return m;
    }

    private Matter lockMatter(long id) {
        return repo.lock(id).orElseThrow(() -> Problems.notFound("matter", id));
    }

    private Case caseOf(long caseId) {
        return repo.findCase(caseId).orElseThrow(() -> Problems.notFound("case", caseId));
    }

    /** The case, if the actor handles for the case's department; anybody else is refused. */
    private Case handlersCase(long caseId) {
        Actor actor = Actor.require();
        Case c = caseOf(caseId);
        if (!actor.has(Role.HANDLER) || !c.orgCode().equals(actor.orgCode())) {
            throw Problems.forbidden();
        }
        return c;
    }

    private static void requireStaff() {
        Actor actor = Actor.require();
        if (!actor.has(Role.SUPERVISOR) && !actor.has(Role.ADMIN)) {
            throw Problems.forbidden();
        }
    }

    private void transition(Matter m, String kind, String note, String action) {
        transition(m, kind, note, action, m.status());
    }

    private void transition(Matter m, String kind, String note, String action, MatterStatus after) {
        String actor = Actor.currentName();
        repo.event(m.id(), null, OffsetDateTime.now(clock), actor, kind, note);
        Map<String, Object> afterState = new LinkedHashMap<>();
        afterState.put("status", after);
        if (note != null) {
            afterState.put("note", note);
        }
        audit.record(action, "matter", Long.toString(m.id()), Map.of("status", m.status()), afterState);
    }

    private void caseTransition(Matter m, Case c, String kind, String note, String action, CaseStatus after) {
        repo.event(m.id(), c.id(), OffsetDateTime.now(clock), Actor.currentName(), kind, note);
        Map<String, Object> afterState = new LinkedHashMap<>();
        afterState.put("status", after);
        if (note != null) {
            afterState.put("note", note);
        }
        audit.record(action, "case", Long.toString(c.id()), Map.of("status", c.status()), afterState);
    }

    private static ProblemException invalid(String action, Object state) {
        return Problems.conflict(INVALID_TRANSITION, "problem.invalidTransition", action, state);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
