package org.civicdesk.charity;

/**
 * An application for aid (救助申请) to a programme, as a resident, an officer on a resident's behalf or
 * another module sends it; the charity desk checks every field.
 *
 * @param applicant the account applying (username); only a charity officer names someone else, and
 *        without it the caller applies for itself
 * @param applicantName the resident an officer applies for who has no account; ignored otherwise
 * @param category the household's hardship category, such as {@code LOW_INCOME}
 * @param amountRequested the amount asked for, a decimal in yuan as text
 * @param reason why the household asks for aid
 * @param localHukou whether the applicant declares household registration in the city; {@code null}
 *        when not declared, and the officer checks it at review
 * @param insured whether the applicant declares basic medical insurance has reimbursed its share
 *        first; {@code null} when not declared
 * @param example whether the application is made up (示例), as a city's demonstration data is
 */
public record AidApplicationCommand(String applicant, String applicantName, String category, String amountRequested,
        String reason, Boolean localHukou, Boolean insured, Boolean example) {
}
