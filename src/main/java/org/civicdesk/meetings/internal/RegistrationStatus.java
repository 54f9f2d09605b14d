package org.civicdesk.meetings.internal;

/** 报名 — where a self-registration stands. */
enum RegistrationStatus {
    /** 待审核 — holds a seat until the organiser approves or rejects it (series that ask for approval). */
    PENDING,
    /** 已确认 */
    CONFIRMED,
    /** 候补 — waits for a seat; the earliest moves up when a seat frees. */
    WAITLISTED,
    /** 已取消 — by the registrant. */
    CANCELLED,
    /** 未通过 — by the organiser. */
    REJECTED
}
