package org.civicdesk.charity.internal;

/** What an officer asks of the charity desk that other modules do not, as received; the services check every field. */
final class Commands {

    private Commands() {
    }

    /**
     * @param localHukou whether the applicant is registered in the city
     * @param insured whether basic medical insurance has already reimbursed what it covers
     */
    record ApplicationCommand(String programme, String applicantName, String category, Boolean localHukou,
            Boolean insured) {
    }
}
