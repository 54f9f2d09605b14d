package org.civicdesk.projects;

/**
 * The state of one required approval of a project.
 *
 * @param status {@code OBTAINED} or {@code MISSING}
 * @param issuer the approving department that issued it, e.g. 市自然资源和规划局
 * @param issuedOn its date, e.g. {@code 2023-02-20}
 * @param documentNo the document's number (文号)
 */
public record ApprovalCommand(String status, String issuer, String issuedOn, String documentNo) {
}
