package org.civicdesk.matters;

/** What kind of thing was raised; each kind has its own time limits. */
public enum MatterType {
    /** 企业诉求 — a problem an entrepreneur raised, e.g. at a breakfast meeting. */
    PROBLEM,
    /** 代表建议、批评和意见 — a deputy's suggestion, criticism or opinion. */
    SUGGESTION,
    /** 政协提案 — a CPPCC proposal. */
    PROPOSAL,
    /** 群众诉求 — a resident's appeal (enquiry, complaint, request for help). */
    APPEAL,
    /** 审议意见 — a standing committee's review opinion. */
    REVIEW_OPINION
}
