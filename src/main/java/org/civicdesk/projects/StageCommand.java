package org.civicdesk.projects;

/**
 * Moves a project forward through the reserve.
 *
 * @param stage {@code PROPOSED}, {@code DECLARED}, {@code UNDER_REVIEW}, {@code APPROVED}, {@code ISSUED},
 *        {@code IN_USE} or {@code COMPLETED}
 * @param amountGranted the bond money granted, as decimal text, when it is known (usually once issued)
 */
public record StageCommand(String stage, String amountGranted) {
}
