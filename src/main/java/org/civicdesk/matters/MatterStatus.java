package org.civicdesk.matters;

/** Where a matter stands. */
public enum MatterStatus {
    /** 已登记 — raised, not yet assigned. */
    REGISTERED,
    /** 已交办 — assigned to departments, none has signed for it yet. */
    ASSIGNED,
    /** 办理中 — a department is handling it. */
    IN_PROGRESS,
    /** 已答复 — answered, waiting for the raiser's rating. */
    ANSWERED,
    /** 重新办理 — rated unsatisfied, handled once more. */
    REHANDLING,
    /** 已办结 — closed (销号). */
    CLOSED,
    /** 不予受理 — not accepted (不立案), or merged into another matter. */
    REJECTED;

    public boolean isOpen() {
        return this != CLOSED && this != REJECTED;
    }
}
