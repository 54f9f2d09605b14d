package org.civicdesk.charity.internal;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What the charity desk shows, to officers and the public. Money is a decimal string with two places. */
final class Views {

    private Views() {
    }

    record CampaignView(String code, String name, String goal, LocalDate startsOn, LocalDate endsOn,
            String description, boolean example, String raised, long donations, long donors) {
    }

    /** The public figures of a campaign: no donor is named. */
    record CampaignProgress(String code, String name, String goal, String raised, long donations, long donors) {
    }

    /**
     * A campaign's day: its gifts (捐赠人次), the donors new on it (新增捐赠人) and what it raised. See
     * {@link CampaignFigures} for who counts as new.
     */
    record DayFigures(LocalDate day, long donations, long newDonors, String raised) {
    }

    /**
     * One periodic disclosure of a campaign longer than six months (定期公开): the {@code number}th
     * three-month period and what it raised. {@code running} while the period has not ended: its
     * figures are so far.
     */
    record PeriodDisclosure(int number, LocalDate from, LocalDate to, String raised, long donations,
            boolean running) {
    }

    /**
     * One entry of the ledger, for officers. {@code donorName} is what was recorded, even for an
     * anonymous donor; only the public pages leave it out. {@code receiptNo} is null, and shown as
     * such, until the receipt issuer has numbered the donation, moments after it was recorded.
     * {@code lateReason} is set on a late entry to a campaign that had ended.
     */
    record DonationView(long id, @JsonInclude(JsonInclude.Include.ALWAYS) String receiptNo, String campaign,
            String campaignName, String amount, String amountInCapitals, String donorName, boolean anonymous,
            LocalDate receivedOn, String handledBy, String handlerName, boolean example, String lateReason) {

        /** {@code PENDING} until the receipt has its number, then {@code ISSUED}. */
        @JsonProperty("receipt")
        public String receipt() {
            return receiptNo == null ? "PENDING" : "ISSUED";
        }
    }

    record ProgrammeView(String code, String name, List<HouseholdCategory> eligibleCategories,
            List<HouseholdCategory> favouredCategories, LocalDate validFrom, String description, String paid,
            long payments) {
    }

    /**
     * An application for aid as its applicant and the officers see it. {@code reasons} are sentences in
     * the reader's language saying why it fails the programme's rules; none when it is eligible.
     * {@code filedBy} is the account that filed it: the applicant's own, or an officer's or community
     * worker's who applied on the applicant's behalf.
     */
    record AidApplicationView(long id, String programme, String programmeName, String applicant,
            String applicantName, HouseholdCategory category, String amountRequested, String reason,
            Boolean localHukou, Boolean insured, boolean eligible, boolean favoured, List<String> reasons,
            LocalDate appliedOn, Review.Status status, String amountApproved, String decisionReason,
            LocalDate decidedOn, LocalDate paidOn, boolean example, String filedBy) {

        /** Whether someone other than the applicant filed it. */
        @JsonIgnore
        public boolean onBehalf() {
            return !filedBy.equals(applicant);
        }
    }

    record PaymentView(long id, String programme, Long application, String recipient, String amount,
            LocalDate paidOn, boolean example) {
    }

    /**
     * The one-yuan livelihood insurance of a year and what its claims paid. {@code lossRatio} is the
     * claims paid over the premium as a whole percentage (赔付率), such as {@code 112}.
     */
    record InsuranceView(int year, long insuredPeople, String premium, String insurer, String coverage, long claims,
            String claimsPaid, long lossRatio) {
    }

    /** A claim on the livelihood insurance, for officers: it names the claimant. */
    record ClaimView(long id, int year, String claimant, String incident, LocalDate incidentOn, String amountClaimed,
            Review.Status status, String amount, String decisionReason, LocalDate filedOn, LocalDate paidOn,
            boolean example) {
    }

    /** A year's figures as the federation discloses them. */
    record Disclosure(int year, String raised, long donations, String aidPaid, long aidPayments,
            List<CampaignProgress> campaigns, InsuranceView insurance, boolean includesExamples) {
    }
}
