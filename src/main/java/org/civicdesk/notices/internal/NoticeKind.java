package org.civicdesk.notices.internal;

/** What a notice is. */
enum NoticeKind {
    /** 健康提示 — e.g. the CDC's alert that chickenpox season has come. */
    HEALTH_ALERT,
    /** 公告 — an announcement. */
    ANNOUNCEMENT,
    /** 政策解读 — a policy explained. */
    POLICY,
    /** 紧急通知 — an emergency notice. */
    EMERGENCY
}
