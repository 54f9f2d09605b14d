package org.civicdesk.projects.internal;

/** Where a project stands in the reserve, in the only order it moves (forward, stages may be skipped). */
enum Stage {
    /** 储备 — proposed for the reserve, its paperwork under way. */
    PROPOSED,
    /** 已申报 — declared; from here on every required approval must be obtained. */
    DECLARED,
    /** 审核中 — under review by the province, NDRC and the Ministry of Finance. */
    UNDER_REVIEW,
    /** 审核通过 */
    APPROVED,
    /** 已发行 — the bond money is issued. */
    ISSUED,
    /** 资金使用中 */
    IN_USE,
    /** 已完工 */
    COMPLETED;

    boolean needsApprovals() {
        return compareTo(DECLARED) >= 0;
    }
}
