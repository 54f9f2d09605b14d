package org.civicdesk.charity;

/**
 * A donation as an officer, a payment channel or another module reports it; the charity desk checks
 * every field. The amount arrives as text: a JSON number is taken as its digits, so no float is ever
 * involved. It is received on the day it is recorded, handled by whoever records it.
 *
 * @param anonymous whether the donor asked not to be named; a donation without a name is anonymous too
 * @param example whether the donation is made up (示例), standing in for gifts a source only totals,
 *        as a city's training or demonstration data does; the disclosure of its year says so
 * @param lateReason why a donation to a campaign that has ended is entered all the same (a late
 *        entry, 补录), such as a bank transfer made in time that arrived after the end; refused on a
 *        campaign still open
 */
public record DonationCommand(String campaign, String amount, String donorName, Boolean anonymous, Boolean example,
        String lateReason) {
}
