package org.civicdesk.charity;

/**
 * A fundraising campaign (募捐活动) as an officer or another module sends it; the charity desk checks
 * every field. Dates as {@code 2022-09-07}; the goal, if any, is a decimal amount as text.
 *
 * @param example whether the campaign is made up (示例), as a city's training or demonstration data
 *        is; the public disclosure of its year then says that it includes examples
 */
public record CampaignCommand(String code, String name, String goal, String startsOn, String endsOn,
        String description, Boolean example) {
}
