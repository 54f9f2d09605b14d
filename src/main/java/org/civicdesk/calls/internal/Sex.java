package org.civicdesk.calls.internal;

/** 性别 as a call's group restricts it and an applicant states it. */
enum Sex {
    /** 男 */
    M,
    /** 女 */
    F
}
