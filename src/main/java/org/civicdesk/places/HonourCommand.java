package org.civicdesk.places;

/**
 * An honour one of the city's organisations received, as an administrator or another module
 * records it; the places module checks every field.
 *
 * @param awardedOn as {@code 2023-02-28}
 * @param level {@code NATIONAL}, {@code PROVINCIAL}, {@code MUNICIPAL}, {@code COUNTY} or {@code INDUSTRY}
 * @param orgCode the organisation in the directory, or {@code null} with {@code orgName} for one
 *        that is not in it
 */
public record HonourCommand(String title, String awardingBody, String awardedOn, String level, String orgCode,
        String orgName, String citation) {
}
