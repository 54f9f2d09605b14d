package org.civicdesk.matters.internal;

import java.time.LocalDate;
import java.util.List;

/** What people ask of the matters module, as received: the service checks every field. */
final class Commands {

    private Commands() {
    }

    record Raise(String type, String title, String content, String series, Long meetingId, String raiser,
            String category, String district, String channel, Boolean urgent, Boolean confidential,
            List<String> cosigners) {
    }

    record Assign(String lead, List<String> co, List<String> separate, LocalDate dueDate) {
    }

    record Answer(String category, String text, String signedOffBy) {
    }

    record Text(String text) {
    }

    record Evaluation(String rating, String comment) {
    }

    record Reason(String reason) {
    }

    record Reassign(String orgCode, LocalDate dueDate) {
    }

    record Extension(LocalDate until, String reason) {
    }

    record Decision(Boolean grant, String note) {
    }

    record Contact(String method, String note) {
    }

    record FollowUp(String text, Boolean solved) {
    }

    record Merge(Long into) {
    }

    record Supervise(Boolean key, String leader) {
    }
}
