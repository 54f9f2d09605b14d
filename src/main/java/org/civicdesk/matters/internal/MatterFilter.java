package org.civicdesk.matters.internal;

import org.civicdesk.matters.MatterStatus;
import org.civicdesk.matters.MatterType;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.web.ListFilter;

/**
 * The filter form above the supervisors' list of matters, as the address gives it: words of the
 * title or text, the series, the status, the type, and the meeting a matter was raised at.
 */
class MatterFilter extends MattersFilter {

    private String meeting;

    /** What the list is narrowed to; null fields do not narrow it. */
    record Criteria(String series, Long meeting, MatterStatus status, MatterType type, String text) {
    }

    Criteria criteria(Checks checks) {
        MatterStatus status = status(checks, MatterStatus.class);
        MatterType t = type(checks);
        Long meetingId = ListFilter.id(checks, "meeting", meeting);
        String text = ListFilter.text(checks, "q", getQ());
        return new Criteria(series(), meetingId, status, t, text);
    }

    public String getMeeting() {
        return meeting;
    }

    public void setMeeting(String meeting) {
        this.meeting = meeting;
    }
}
