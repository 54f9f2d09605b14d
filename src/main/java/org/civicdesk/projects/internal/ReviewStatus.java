package org.civicdesk.projects.internal;

/** How far a batch has got with the reviewers. */
enum ReviewStatus {
    /** 申报中 */
    DECLARING,
    /** 已审核 — reviewed by NDRC and the Ministry of Finance. */
    REVIEWED
}
