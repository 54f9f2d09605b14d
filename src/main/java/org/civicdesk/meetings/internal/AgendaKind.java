package org.civicdesk.meetings.internal;

/** What a meeting does with an agenda item. */
enum AgendaKind {
    /** 听取报告 */
    REPORT_HEARD,
    /** 审议草案 */
    DRAFT_REVIEWED,
    /** 审查批准 */
    PLAN_APPROVED,
    /** 书面听取 */
    REVIEWED_IN_WRITING,
    /** 人事事项 */
    PERSONNEL,
    /** 其他 */
    OTHER
}
