package org.civicdesk.charity.internal;

import java.io.Serializable;
import java.util.UUID;

import org.civicdesk.charity.CampaignCommand;
import org.civicdesk.charity.DonationCommand;

/** The officers' forms, bound field by field; the services check them exactly as they check the API. */
final class CharityForms {

    private CharityForms() {
    }

    static class CampaignForm implements Serializable {
        private String code;
        private String name;
        private String goal;
        private String startsOn;
        private String endsOn;
        private String description;

        CampaignCommand command() {
            return new CampaignCommand(code, name, goal, startsOn, endsOn, description, false);
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getGoal() {
            return goal;
        }

        public void setGoal(String goal) {
            this.goal = goal;
        }

        public String getStartsOn() {
            return startsOn;
        }

        public void setStartsOn(String startsOn) {
            this.startsOn = startsOn;
        }

        public String getEndsOn() {
            return endsOn;
        }

        public void setEndsOn(String endsOn) {
            this.endsOn = endsOn;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }
    }

    /**
     * The key is drawn when the form is shown and travels with it, so a form sent twice — a double
     * click, a reload after a slow answer — records one donation, as a retried API call does.
     */
    static class DonationForm implements Serializable {
        private String campaign;
        private String amount;
        private String donorName;
        private boolean anonymous;
        private String lateReason;
        private String key = UUID.randomUUID().toString();

        DonationCommand command() {
            return new DonationCommand(campaign, amount, donorName, anonymous, false, lateReason);
        }

        public String getLateReason() {
            return lateReason;
        }

        public void setLateReason(String lateReason) {
            this.lateReason = lateReason;
        }

        public String getCampaign() {
            return campaign;
        }

        public void setCampaign(String campaign) {
            this.campaign = campaign;
        }

        public String getAmount() {
            return amount;
        }

        public void setAmount(String amount) {
            this.amount = amount;
        }

        public String getDonorName() {
            return donorName;
        }

        public void setDonorName(String donorName) {
            this.donorName = donorName;
        }

        public boolean isAnonymous() {
            return anonymous;
        }

        public void setAnonymous(boolean anonymous) {
            this.anonymous = anonymous;
        }

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }
    }
}
