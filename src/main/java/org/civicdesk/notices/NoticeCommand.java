package org.civicdesk.notices;

/**
 * A notice as an administrator or another module writes it; the notices module checks every field.
 *
 * @param issuerOrg the code of the organisation that issues it, e.g. {@code ZZ-CDC}
 * @param kind {@code HEALTH_ALERT}, {@code ANNOUNCEMENT}, {@code POLICY} or {@code EMERGENCY}
 * @param publish whether to publish it at once rather than keep it as a draft
 */
public record NoticeCommand(String title, String body, String issuerOrg, String kind, Boolean publish) {
}
