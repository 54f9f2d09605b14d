package org.civicdesk.matters.internal;

/** What can be done to a case; {@link CaseStatus} says in which states, {@link Matter} by whom. */
enum CaseAction {
    /** 签收 */
    SIGN,
    /** 退回 */
    RETURN,
    REQUEST_EXTENSION,
    DECIDE_EXTENSION,
    /** 沟通/面商 */
    CONTACT,
    /** 协办意见 */
    OPINION,
    /** 答复 */
    ANSWER,
    /** 跟踪办理 */
    FOLLOW_UP,
    /** 催办 */
    REMIND,
    REASSIGN
}
