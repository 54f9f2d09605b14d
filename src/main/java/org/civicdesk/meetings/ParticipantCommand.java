package org.civicdesk.meetings;

/**
 * Someone the organiser records at a meeting, from the directory (personId) or by account.
 *
 * @param role e.g. {@code HOST}, {@code ATTENDS}, {@code SITS_IN}, {@code SPEAKER}, {@code GUEST}
 * @param kind e.g. {@code OFFICIAL}, {@code ENTREPRENEUR}, {@code EXPERT}, {@code RETURNEE}
 * @param invited whether they came on an invitation (recorded as accepted)
 * @param attended whether they were there
 */
public record ParticipantCommand(Long personId, String username, String role, String kind, String note,
        Boolean invited, Boolean attended) {
}
