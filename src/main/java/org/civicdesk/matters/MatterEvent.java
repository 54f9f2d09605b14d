package org.civicdesk.matters;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.civicdesk.shared.PublicContentChanged;

/**
 * What happened to a matter or one of its cases. Each transition of a matter records one of these;
 * they are published through Spring Modulith's event publication registry in the transaction of the
 * change, so that a listener in another module gets every one of them, even when a node dies right
 * after the commit. They carry ids and the facts a listener needs, never contact details.
 */
public sealed interface MatterEvent {

    MatterId matter();

    /** When it happened. */
    Instant at();

    /** An event about one case of the matter. */
    sealed interface CaseEvent extends MatterEvent {

        CaseId caseId();
    }

    /** 提出 — a matter was raised. */
    record MatterRaised(MatterId matter, MatterType type, String title, String raiser, String series,
            Long meetingId, Instant at)
            implements MatterEvent {
    }

    /** 立案 — a proposal was accepted for handling; its raisers are told. */
    record MatterAccepted(MatterId matter, String title, List<String> raisers, Instant at) implements MatterEvent {
    }

    /** 不予受理 — the matter was not accepted; its raisers are told why. */
    record MatterRejected(MatterId matter, String title, List<String> raisers, Instant at) implements MatterEvent {
    }

    /** 并案 — merged into another matter, whose raisers its raisers joined. */
    record MatterMerged(MatterId matter, MatterId into, Instant at) implements MatterEvent {
    }

    /** 交办 — cases were assigned to departments; the departments and the raisers are told. */
    record CasesAssigned(MatterId matter, String title, List<AssignedCase> cases, List<String> raisers, Instant at)
            implements MatterEvent {
    }

    /** One case of an assignment. */
    record AssignedCase(CaseId id, String orgCode, String role, LocalDate dueDate) {
    }

    /** A returned case was given to another department. */
    record CaseReassigned(MatterId matter, String title, CaseId returned, AssignedCase replacement, Instant at)
            implements CaseEvent {

        @Override
        public CaseId caseId() {
            return returned;
        }
    }

    /** 签收 */
    record CaseSigned(MatterId matter, CaseId caseId, String orgCode, Instant at) implements CaseEvent {
    }

    /** 退回 — a department said the case is not its own. */
    record CaseReturned(MatterId matter, String title, CaseId caseId, String orgCode, Instant at) implements CaseEvent {
    }

    record ExtensionRequested(MatterId matter, String title, CaseId caseId, String orgCode, LocalDate until, Instant at)
            implements CaseEvent {
    }

    /** A supervisor granted (the case is now due on {@code dueDate}) or refused more time. */
    record ExtensionDecided(MatterId matter, String title, CaseId caseId, String orgCode, boolean granted,
            LocalDate dueDate, Instant at) implements CaseEvent {
    }

    /** 沟通 — the department contacted the raiser. */
    record RaiserContacted(MatterId matter, CaseId caseId, String orgCode, Instant at) implements CaseEvent {
    }

    /** A co-handler's opinion went to the lead department. */
    record OpinionSent(MatterId matter, CaseId caseId, String orgCode, Instant at) implements CaseEvent {
    }

    /**
     * 答复 — a department answered the raiser. The answer is public unless the matter is confidential,
     * so the public content of kind {@value #PUBLIC_KIND} keyed by the case changes.
     */
    record CaseAnswered(MatterId matter, String title, CaseId caseId, String orgCode, String category,
            List<String> raisers, boolean matterAnswered, Instant at) implements CaseEvent, PublicContentChanged {

        public static final String PUBLIC_KIND = "ANSWER";

        @Override
        public String contentKind() {
            return PUBLIC_KIND;
        }

        @Override
        public String contentKey() {
            return caseId.toString();
        }
    }

    /** 跟踪办理 — a further report on an answer that promised more; {@code solved} ends the follow-up. */
    record FollowedUp(MatterId matter, CaseId caseId, String orgCode, boolean solved, Instant at) implements CaseEvent {
    }

    /**
     * 评价 — a raiser or co-signer rated the answer; the raiser's unsatisfied first rating sends the
     * answering cases back for re-handling.
     */
    record MatterRated(MatterId matter, String title, String rater, String rating, boolean byRaiser,
            List<String> rehandlingOrgs, Instant at) implements MatterEvent {
    }

    /** 办结/销号 — the matter is closed, rated or, after the wait, unrated. */
    record MatterClosed(MatterId matter, String title, List<String> raisers, boolean unrated, Instant at)
            implements MatterEvent {
    }

    /** 重点督办 — marked (or no longer) a key matter. */
    record SupervisionChanged(MatterId matter, boolean key, String leader, Instant at) implements MatterEvent {
    }

    /** 催办 — a supervisor chased the department up. */
    record CaseReminded(MatterId matter, String title, CaseId caseId, String orgCode, Instant at) implements CaseEvent {
    }

    /** A pending case is due within the reminder horizon: its department is reminded, once per due date. */
    record CaseDueSoon(MatterId matter, String title, CaseId caseId, String orgCode, LocalDate dueDate, Instant at)
            implements CaseEvent {
    }

    /** A pending case passed its due date: supervisors are told, once per due date. */
    record CaseOverdue(MatterId matter, String title, CaseId caseId, String orgCode, LocalDate dueDate, Instant at)
            implements CaseEvent {
    }
}
