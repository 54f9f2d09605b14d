package org.civicdesk.directory;

/**
 * An organisation as an administrator, a workbook or another module sends it; the directory checks
 * every field.
 *
 * @param kind the name of an {@link OrgKind}
 * @param parentCode the organisation it belongs to, or {@code null}
 */
public record OrgCommand(String code, String name, String kind, String parentCode, String district) {
}
