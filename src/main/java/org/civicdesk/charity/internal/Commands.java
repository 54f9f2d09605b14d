package org.civicdesk.charity.internal;

/**
 * What an officer or a payment channel asks of the charity desk, as received; the services check
 * every field. Amounts arrive as text: a JSON number is taken as its digits, so no float is ever
 * involved.
 */
final class Commands {

    private Commands() {
    }

    /** Dates as {@code 2022-09-07}. */
    record CampaignCommand(String code, String name, String goal, String startsOn, String endsOn, String description) {
    }

    /**
     * @param anonymous whether the donor asked not to be named; a donation without a name is anonymous too
     */
    record DonationCommand(String campaign, String amount, String donorName, Boolean anonymous) {
    }

    record ProgrammeCommand(String code, String name, String eligibleCategories, String favouredCategories,
            String validFrom, String description) {
    }

    /**
     * @param localHukou whether the applicant is registered in the city
     * @param insured whether basic medical insurance has already reimbursed what it covers
     */
    record ApplicationCommand(String programme, String applicantName, String category, Boolean localHukou,
            Boolean insured) {
    }

    record PaymentCommand(String programme, Long application, String recipient, String amount, String paidOn) {
    }

    record PolicyCommand(Integer year, Long insuredPeople, String premium, String insurer) {
    }

    record ClaimCommand(String amount, String paidOn) {
    }
}
