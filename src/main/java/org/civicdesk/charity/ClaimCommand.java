package org.civicdesk.charity;

/**
 * A claim (理赔申请) on a year's livelihood insurance, as an officer files it for the insured.
 *
 * @param claimant the insured person who claims
 * @param incident what happened
 * @param incidentOn the day it happened, as {@code 2022-02-01}, within the policy's year
 * @param amountClaimed the amount claimed, a decimal in yuan as text
 * @param example whether the claim is made up (示例), standing in for a total the source gives, as a
 *        city's training or demonstration data does; the disclosure of its year says so
 */
public record ClaimCommand(String claimant, String incident, String incidentOn, String amountClaimed,
        Boolean example) {
}
