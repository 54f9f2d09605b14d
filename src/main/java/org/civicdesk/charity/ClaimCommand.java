package org.civicdesk.charity;

/**
 * A claim the livelihood insurance paid.
 *
 * @param paidOn the day it was paid, as {@code 2022-02-01}
 * @param example whether the claim is made up (示例), standing in for a total the source gives, as a
 *        city's training or demonstration data does; the disclosure of its year says so
 */
public record ClaimCommand(String amount, String paidOn, Boolean example) {
}
