package org.civicdesk.meetings;

/**
 * Who takes part in a meeting: invitations (邀请), self-registration (报名) with approval and a
 * waiting list (候补), people the organiser records, and check-in (签到). Published in the
 * transaction that makes the change and delivered to other modules' listeners once it commits;
 * a listener that needs the person looks the participant up, so no event carries a name.
 */
public sealed interface ParticipationEvent {

    long meetingId();

    long participantId();

    /** The organiser invited an account; the invitation holds a seat. */
    record Invited(long meetingId, long participantId) implements ParticipationEvent {
    }

    record InvitationAccepted(long meetingId, long participantId) implements ParticipationEvent {
    }

    /** Declining frees the seat for the first on the waiting list. */
    record InvitationDeclined(long meetingId, long participantId) implements ParticipationEvent {
    }

    /**
     * An account registered itself.
     *
     * @param registration {@code CONFIRMED}, {@code PENDING} (the series asks for the organiser's
     *        approval) or {@code WAITLISTED} (the meeting was full)
     */
    record Registered(long meetingId, long participantId, String registration) implements ParticipationEvent {
    }

    /** The participant withdrew: its registration is cancelled, its invitation declined, its seat freed. */
    record Withdrew(long meetingId, long participantId) implements ParticipationEvent {
    }

    record RegistrationApproved(long meetingId, long participantId) implements ParticipationEvent {
    }

    /** Rejecting frees the seat for the first on the waiting list. */
    record RegistrationRejected(long meetingId, long participantId) implements ParticipationEvent {
    }

    /**
     * A freed seat went to the earliest on the waiting list.
     *
     * @param registration {@code CONFIRMED}, or {@code PENDING} where the series asks for approval
     */
    record MovedUpFromWaitingList(long meetingId, long participantId, String registration)
            implements ParticipationEvent {
    }

    /** The organiser recorded someone at the meeting in a role (a member, an official sitting in, a speaker). */
    record Recorded(long meetingId, long participantId, boolean attended) implements ParticipationEvent {
    }

    /** 签到 — the participant arrived. */
    record CheckedIn(long meetingId, long participantId) implements ParticipationEvent {
    }
}
