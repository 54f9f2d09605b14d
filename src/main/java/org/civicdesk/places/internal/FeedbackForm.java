package org.civicdesk.places.internal;

import java.io.Serializable;

/** The form on each held visit of the requester's bookings, to say how the visit went (反馈). */
class FeedbackForm implements Serializable {

    private String feedback;

    FeedbackForm() {
    }

    FeedbackForm(String feedback) {
        this.feedback = feedback;
    }

    public String getFeedback() {
        return feedback;
    }

    public void setFeedback(String feedback) {
        this.feedback = feedback;
    }
}
