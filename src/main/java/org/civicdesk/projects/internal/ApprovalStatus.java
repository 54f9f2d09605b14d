package org.civicdesk.projects.internal;

/** Whether a project holds one of its required approvals. */
enum ApprovalStatus {
    MISSING,
    OBTAINED
}
