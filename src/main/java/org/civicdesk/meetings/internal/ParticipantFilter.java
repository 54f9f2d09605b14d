package org.civicdesk.meetings.internal;

import org.civicdesk.shared.Checks;
import org.civicdesk.shared.web.ListFilter;

/**
 * The filter form above a meeting's people, for its organisers: the role, where an invitation or a
 * registration stands, whether they arrived, and words of a name or an affiliation.
 */
class ParticipantFilter {

    /** Whether someone has checked in. */
    enum Arrival {
        ARRIVED, NOT_ARRIVED
    }

    private String role;
    private String invitation;
    private String registration;
    private String arrival;
    private String q;

    /** What the list is narrowed to; null fields do not narrow it. */
    record Criteria(ParticipantRole role, InvitationStatus invitation, RegistrationStatus registration,
            Arrival arrival, String text) {
    }

    Criteria criteria(Checks checks) {
        return new Criteria(checks.oneOf("role", role, ParticipantRole.class),
                checks.oneOf("invitation", invitation, InvitationStatus.class),
                checks.oneOf("registration", registration, RegistrationStatus.class),
                checks.oneOf("arrival", arrival, Arrival.class), ListFilter.text(checks, "q", q));
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getInvitation() {
        return invitation;
    }

    public void setInvitation(String invitation) {
        this.invitation = invitation;
    }

    public String getRegistration() {
        return registration;
    }

    public void setRegistration(String registration) {
        this.registration = registration;
    }

    public String getArrival() {
        return arrival;
    }

    public void setArrival(String arrival) {
        this.arrival = arrival;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }
}
