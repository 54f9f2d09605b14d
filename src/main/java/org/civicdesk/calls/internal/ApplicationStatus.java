package org.civicdesk.calls.internal;

/** Where an application stands; SUBMITTED and ACCEPTED hold a place of the group's quota. */
enum ApplicationStatus {
    /** 已提交 — waiting for the organisers. */
    SUBMITTED,
    /** 已录取 */
    ACCEPTED,
    /** 未录取 — frees the place. */
    REJECTED
}
