package org.civicdesk.shared.web;

import java.util.List;

/**
 * One figure on a reader's workbench (工作台), linking to the list it counts.
 *
 * @param group the workbench group it belongs to
 * @param order its place within the group, lowest first
 * @param labelKey the message key of what it counts; {@code labelArgs} fill its placeholders
 * @param labelArgs the values for the label's placeholders, such as a department's name
 * @param count how many
 * @param path the list the figure opens
 * @param urgent whether a non-zero count needs attention now (overdue, waiting on the reader)
 */
public record DeskCount(NavGroup group, int order, String labelKey, List<String> labelArgs, long count, String path,
        boolean urgent) {

    public DeskCount {
        labelArgs = List.copyOf(labelArgs);
    }

    public static DeskCount of(NavGroup group, int order, String labelKey, long count, String path) {
        return new DeskCount(group, order, labelKey, List.of(), count, path, false);
    }

    public static DeskCount urgent(NavGroup group, int order, String labelKey, long count, String path) {
        return new DeskCount(group, order, labelKey, List.of(), count, path, true);
    }

    /** Whether it needs attention now: urgent and not zero. */
    public boolean alarming() {
        return urgent && count > 0;
    }
}
