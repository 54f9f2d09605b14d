package org.civicdesk.matters.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.civicdesk.matters.MatterStatus;
import org.civicdesk.matters.MatterType;

/** The stored shapes of matters and cases, and the small vocabularies around them. */
final class Model {

    private Model() {
    }

    /** 主办 (lead), 协办 (co-handler, sends its opinion to the lead) or 分办 (answers its own part). */
    enum CaseRole {
        LEAD, CO, SEPARATE;

        boolean answers() {
            return this != CO;
        }
    }

    enum CaseStatus {
        /** 待签收 */
        ASSIGNED,
        /** 已签收, handling */
        SIGNED,
        /** a co-handler's opinion went to the lead */
        OPINION_SENT,
        ANSWERED,
        REHANDLING,
        /** 退回 — sent back as wrongly assigned; a reassignment replaces it */
        RETURNED,
        CLOSED;

        /** Still owes work before its due date. */
        boolean pending() {
            return this == ASSIGNED || this == SIGNED || this == REHANDLING;
        }
    }

    enum Rating {
        SATISFIED, BASICALLY_SATISFIED, UNSATISFIED
    }

    enum Channel {
        WEB, HOTLINE, LETTER, MEETING, SESSION, OTHER
    }

    /** 沟通方式 — how a department contacted the raiser before answering. */
    enum ContactMethod {
        PHONE, VISIT, MEETING, FACE_TO_FACE, LETTER, OTHER
    }

    record Matter(long id, MatterType type, String title, String content, String category, String district,
            String raiser, String enteredBy, String seriesSlug, Long meetingId, Channel channel, MatterStatus status,
            Boolean accepted, String rejectionReason, Long mergedInto, boolean urgent, boolean keyMatter,
            String supervisingLeader, boolean confidential, boolean followUp, boolean rehandled, String rating,
            boolean example, OffsetDateTime raisedAt, OffsetDateTime assignedAt, OffsetDateTime answeredAt,
            OffsetDateTime closedAt) {

        /** Ratings count per answer: the first answer is round 1, the answer after re-handling round 2. */
        int ratingRound() {
            return rehandled ? 2 : 1;
        }
    }

    record Case(long id, long matterId, String orgCode, CaseRole role, CaseStatus status, LocalDate assignedOn,
            LocalDate dueDate, OffsetDateTime signedAt, OffsetDateTime answeredAt, String category, String answer,
            String signedOffBy, String opinion, boolean contacted, LocalDate extensionUntil, String extensionReason,
            String returnReason, Long replacedBy) {
    }

    record Event(OffsetDateTime at, String actor, String kind, Long caseId, String note) {
    }

    record TimeLimit(MatterType type, String unit, int leadAmount, int coAmount, int urgentDays, int rehandleAmount,
            int maxTotalAmount, int returnWindowDays, int closeUnratedDays) {

        boolean inMonths() {
            return "MONTHS".equals(unit);
        }
    }
}
