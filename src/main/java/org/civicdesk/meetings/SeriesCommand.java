package org.civicdesk.meetings;

import java.util.List;

/**
 * A series of meetings as an organiser or another module sends it; the meetings module checks every
 * field.
 *
 * @param kind e.g. {@code BREAKFAST}, {@code CONGRESS}, {@code STANDING_COMMITTEE}, {@code FORUM}
 * @param approvalRequired whether an organiser confirms each self-registration
 * @param themeCategories the categories its meetings' themes fall into, in order
 */
public record SeriesCommand(String slug, String name, String kind, Boolean approvalRequired, String description,
        List<String> themeCategories) {
}
