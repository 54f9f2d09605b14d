package org.civicdesk.matters.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.civicdesk.matters.MatterStatus;
import org.civicdesk.matters.MatterType;

/** What the API and the pages show of matters and cases. */
public final class Views {

    private Views() {
    }

    public record MatterView(long id, MatterType type, MatterStatus status, String title, String content,
            String category, String district, String raiser, List<String> cosigners, String series, Long meetingId,
            String channel, boolean urgent, boolean key, String supervisingLeader, boolean confidential,
            boolean followUp, boolean rehandled, String rating, Boolean accepted, String rejectionReason,
            Long mergedInto, boolean example, boolean overdue, OffsetDateTime raisedAt, OffsetDateTime assignedAt,
            OffsetDateTime answeredAt, OffsetDateTime closedAt, List<CaseView> cases, List<EventView> events,
            List<String> allowedActions) {

        /** Whether the reader may do this to the matter now; pages offer exactly these actions. */
        public boolean may(String action) {
            return allowedActions.contains(action);
        }
    }

    public record CaseView(long id, long matterId, String orgCode, String orgName, String role, String status,
            LocalDate assignedOn, LocalDate dueDate, boolean overdue, Integer workingDaysLeft, OffsetDateTime signedAt,
            OffsetDateTime answeredAt, String category, String answer, String signedOffBy, String opinion,
            boolean contacted, LocalDate extensionUntil, String extensionReason, String returnReason,
            Long replacedBy, List<String> allowedActions) {

        /** Whether the reader may do this to the case now; pages offer exactly these actions. */
        public boolean may(String action) {
            return allowedActions.contains(action);
        }

        /** Whether the case still counts as its department's part of the matter (not sent back). */
        public boolean active() {
            return CaseStatus.valueOf(status).active();
        }
    }

    /** One case with its matter, as its own department and supervisors see it. */
    public record CaseDetail(MatterView matter, CaseView current, boolean replaced) {
    }

    public record EventView(OffsetDateTime at, String actor, String kind, Long caseId, String note) {
    }

    /** One line of a list of matters. */
    public record MatterSummary(long id, MatterType type, MatterStatus status, String title, String raiser,
            String series, boolean key, boolean overdue, boolean followUp, String rating, boolean example,
            OffsetDateTime raisedAt, LocalDate nextDue) {
    }

    /** One line of a department's inbox or of the supervision board. */
    public record CaseLine(long caseId, long matterId, MatterType type, String title, String orgCode, String role,
            String status, LocalDate dueDate, int workingDaysLeft, boolean overdue, boolean key, boolean urgent,
            boolean extensionPending) {
    }

    public record Page<T>(List<T> items, long total) {
    }

    public record Stats(long items, long cases, long closed, long inProgress, long overdue, long answered,
            long rejected) {

        static final Stats NONE = new Stats(0, 0, 0, 0, 0, 0, 0);

        /** From counts of matters, cases, closed, rejected, answered and overdue, in that order. */
        static Stats of(long[] c) {
            return new Stats(c[0], c[1], c[2], c[0] - c[2] - c[3], c[5], c[4], c[3]);
        }
    }

    /** An answer as the public portal shows it: contact details removed. */
    public record PublishedAnswer(long matterId, MatterType type, String title, String content, String series,
            String orgName, String category, String answer, OffsetDateTime answeredAt, boolean example) {
    }

    public record Board(List<CaseLine> overdue, List<CaseLine> dueSoon, List<CaseLine> rehandling,
            List<CaseLine> returned, List<CaseLine> extensionRequests, List<MatterSummary> unsatisfied,
            List<MatterSummary> keyMatters) {
    }
}
