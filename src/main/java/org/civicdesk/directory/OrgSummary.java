package org.civicdesk.directory;

/** An organisation as other modules and the API see it. Its code is its stable public identifier. */
public record OrgSummary(String code, String name, OrgKind kind, String parentCode, String district, boolean example) {
}
