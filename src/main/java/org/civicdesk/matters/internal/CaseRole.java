package org.civicdesk.matters.internal;

/** How a department takes part in a matter: 主办 (lead), 协办 (co-handler) or 分办 (answers its own part). */
enum CaseRole {
    LEAD, CO, SEPARATE;

    /** Whether a case of this role answers the raiser; a co-handler sends its opinion to the lead instead. */
    boolean answers() {
        return this != CO;
    }
}
