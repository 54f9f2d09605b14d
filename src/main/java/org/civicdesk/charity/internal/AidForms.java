package org.civicdesk.charity.internal;

import java.io.Serializable;
import java.util.UUID;

import org.civicdesk.charity.AidApplicationCommand;
import org.civicdesk.charity.ClaimCommand;
import org.civicdesk.charity.ReviewDecision;
import org.civicdesk.shared.web.ListFilter;

/**
 * The aid and insurance forms, bound field by field; the services check them exactly as they check the
 * API. A form that makes something carries an idempotency key drawn when it is shown, so a form sent
 * twice (a double click, a reload after a slow answer) makes it once.
 */
final class AidForms {

    private AidForms() {
    }

    /** The filters of the officers' queue of applications: those of every list, and a programme. */
    static class QueueFilterForm extends ListFilter {
        private String programme;

        public String getProgramme() {
            return programme;
        }

        public void setProgramme(String programme) {
            this.programme = programme;
        }
    }

    /**
     * An application as a resident fills it in, or an officer for a resident. The declarations are
     * boxes: one left unticked is a rule not met, which the applicant sees at once.
     */
    static class ApplicationForm implements Serializable {
        private String applicant;
        private String applicantName;
        private String category;
        private String amountRequested;
        private String reason;
        private boolean localHukou;
        private boolean insured;
        private String key = UUID.randomUUID().toString();

        AidApplicationCommand command() {
            return new AidApplicationCommand(applicant, applicantName, category, amountRequested, reason, localHukou,
                    insured, false);
        }

        public String getApplicant() {
            return applicant;
        }

        public void setApplicant(String applicant) {
            this.applicant = applicant;
        }

        public String getApplicantName() {
            return applicantName;
        }

        public void setApplicantName(String applicantName) {
            this.applicantName = applicantName;
        }

        public String getCategory() {
            return category;
        }

        public void setCategory(String category) {
            this.category = category;
        }

        public String getAmountRequested() {
            return amountRequested;
        }

        public void setAmountRequested(String amountRequested) {
            this.amountRequested = amountRequested;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }

        public boolean isLocalHukou() {
            return localHukou;
        }

        public void setLocalHukou(boolean localHukou) {
            this.localHukou = localHukou;
        }

        public boolean isInsured() {
            return insured;
        }

        public void setInsured(boolean insured) {
            this.insured = insured;
        }

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }
    }

    /** Approving (with an amount, the amount asked for if left empty) or declining (with a reason). */
    static class DecisionForm implements Serializable {
        private String amount;
        private String reason;

        ReviewDecision approval() {
            return new ReviewDecision(true, amount, reason);
        }

        ReviewDecision refusal() {
            return new ReviewDecision(false, null, reason);
        }

        public String getAmount() {
            return amount;
        }

        public void setAmount(String amount) {
            this.amount = amount;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }

    /** The pay button's form: only its key. */
    static class PaymentForm implements Serializable {
        private String key = UUID.randomUUID().toString();

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }
    }

    static class ClaimForm implements Serializable {
        private String claimant;
        private String incident;
        private String incidentOn;
        private String amountClaimed;
        private String key = UUID.randomUUID().toString();

        ClaimCommand command() {
            return new ClaimCommand(claimant, incident, incidentOn, amountClaimed, false);
        }

        public String getClaimant() {
            return claimant;
        }

        public void setClaimant(String claimant) {
            this.claimant = claimant;
        }

        public String getIncident() {
            return incident;
        }

        public void setIncident(String incident) {
            this.incident = incident;
        }

        public String getIncidentOn() {
            return incidentOn;
        }

        public void setIncidentOn(String incidentOn) {
            this.incidentOn = incidentOn;
        }

        public String getAmountClaimed() {
            return amountClaimed;
        }

        public void setAmountClaimed(String amountClaimed) {
            this.amountClaimed = amountClaimed;
        }

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }
    }
}
