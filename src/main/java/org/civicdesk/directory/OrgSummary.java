package org.civicdesk.directory;

/**
 * An organisation as other modules and the API see it. Its code is its stable public identifier.
 *
 * @param external whether it lies outside the city (外地), such as a university or a company of
 *        another city that signs a deal with one of the city's; organisations belong to the city unless
 *        marked so
 */
public record OrgSummary(String code, String name, OrgKind kind, String parentCode, String district, boolean example,
        boolean external) {
}
