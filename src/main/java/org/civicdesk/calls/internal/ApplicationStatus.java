package org.civicdesk.calls.internal;

/** Where an application stands; SUBMITTED, CONFIRMED and ACCEPTED hold a place of the group's quota. */
enum ApplicationStatus {
    /** 已提交 — waiting until the organisers confirm it with the applicant. */
    SUBMITTED,
    /** 已确认 — the organisers reached the applicant at the phone number given; waiting for their decision. */
    CONFIRMED,
    /** 已录取 */
    ACCEPTED,
    /** 未录取 — frees the place. */
    REJECTED,
    /** 已撤回 — the applicant withdrew it, which frees the place. */
    WITHDRAWN;

    public boolean holdsPlace() {
        return this == SUBMITTED || this == CONFIRMED || this == ACCEPTED;
    }
}
