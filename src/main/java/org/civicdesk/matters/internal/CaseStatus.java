package org.civicdesk.matters.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a case (办件) stands, and which actions each state allows: the one transition table of a
 * case. Conditions beyond the state (the actor's department and role, a pending extension, the
 * return window) are checked by {@link Matter}.
 */
enum CaseStatus {
    /** 待签收 — assigned, not yet signed for. */
    ASSIGNED,
    /** 已签收 — signed for, being handled. */
    SIGNED,
    /** A co-handler's opinion went to the lead. */
    OPINION_SENT,
    /** 已答复 — answered; waits for the raiser's rating. */
    ANSWERED,
    /** 重新办理 — rated unsatisfied, handled once more. */
    REHANDLING,
    /** 退回 — sent back as wrongly assigned; a reassignment replaces it. */
    RETURNED,
    /** 已办结 — the matter was closed. */
    CLOSED;

    /** The states in which a case still owes work by its due date. */
    static final Set<CaseStatus> PENDING = EnumSet.of(ASSIGNED, SIGNED, REHANDLING);

    private static final Map<CaseStatus, Set<CaseAction>> ALLOWED = Map.of(
            ASSIGNED, EnumSet.of(CaseAction.SIGN, CaseAction.RETURN, CaseAction.REQUEST_EXTENSION,
                    CaseAction.DECIDE_EXTENSION, CaseAction.CONTACT, CaseAction.REMIND),
            SIGNED, EnumSet.of(CaseAction.RETURN, CaseAction.REQUEST_EXTENSION, CaseAction.DECIDE_EXTENSION,
                    CaseAction.CONTACT, CaseAction.OPINION, CaseAction.ANSWER, CaseAction.REMIND),
            OPINION_SENT, EnumSet.of(CaseAction.CONTACT),
            ANSWERED, EnumSet.of(CaseAction.CONTACT, CaseAction.FOLLOW_UP),
            REHANDLING, EnumSet.of(CaseAction.REQUEST_EXTENSION, CaseAction.DECIDE_EXTENSION, CaseAction.CONTACT,
                    CaseAction.ANSWER, CaseAction.FOLLOW_UP, CaseAction.REMIND),
            RETURNED, EnumSet.of(CaseAction.REASSIGN),
            CLOSED, EnumSet.of(CaseAction.FOLLOW_UP));

    boolean allows(CaseAction action) {
        return ALLOWED.get(this).contains(action);
    }

    boolean pending() {
        return PENDING.contains(this);
    }

    /** Whether the case still counts as the department's part of the matter (not sent back). */
    boolean active() {
        return this != RETURNED;
    }

    /** The pending states as an SQL list, for the reads that select by state. */
    static String pendingSql() {
        return PENDING.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(",", "(", ")"));
    }
}
