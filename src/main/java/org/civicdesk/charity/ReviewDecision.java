package org.civicdesk.charity;

/**
 * An officer's decision on an aid application or an insurance claim (审核决定).
 *
 * @param approve whether it is approved
 * @param amount the amount approved, a decimal in yuan as text; the amount asked for when not given
 * @param reason why; required when declining
 */
public record ReviewDecision(Boolean approve, String amount, String reason) {
}
