package org.civicdesk.projects;

/**
 * A fair or signing event (专利转化对接会) as a supervisor records it, with the totals its organiser
 * announced where known.
 *
 * @param name e.g. 湖南省专利转化对接会; deals name their event by it
 * @param heldOn e.g. {@code 2023-02-27}
 * @param organiser who held it, as text
 * @param announcedDeals how many deals the organiser announced were signed
 * @param announcedAmount their amount in yuan as decimal text
 * @param announcedLocal how many of them were the city's
 * @param example whether the event is made up (示例), as a city's demonstration data is
 */
public record DealEventCommand(String name, String heldOn, String organiser, Integer announcedDeals,
        String announcedAmount, Integer announcedLocal, Boolean example) {
}
