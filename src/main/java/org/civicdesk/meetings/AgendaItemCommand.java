package org.civicdesk.meetings;

import java.util.List;

/**
 * An item on a meeting's agenda, with the documents before the meeting and what it decided, if it
 * did.
 *
 * @param kind e.g. {@code PLAN_APPROVED}, {@code DRAFT_REVIEWED}, {@code REPORT_HEARD}, {@code OTHER}
 */
public record AgendaItemCommand(String kind, String title, String presenter, List<String> documents,
        String decision) {
}
