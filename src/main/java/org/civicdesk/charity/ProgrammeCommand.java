package org.civicdesk.charity;

/**
 * An aid programme (救助项目) as an officer or another module sets it up; the charity desk checks
 * every field.
 *
 * @param eligibleCategories household categories, comma-separated, e.g. {@code LOW_INCOME,EXTREME_HARDSHIP}
 * @param favouredCategories those of them the programme favours, comma-separated
 * @param validFrom the day its rules apply from, as {@code 2023-01-01}
 */
public record ProgrammeCommand(String code, String name, String eligibleCategories, String favouredCategories,
        String validFrom, String description) {
}
