package org.civicdesk.matters.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.civicdesk.matters.CaseId;

/**
 * 办件 — one department's handling of a matter. A case belongs to its {@link Matter} and changes only
 * through it; the setters here are for the matter alone, which checks every transition first.
 */
final class Case {

    private Long id;
    private final String orgCode;
    private final CaseRole role;
    private final OffsetDateTime assignedAt;
    private final LocalDate assignedOn;
    private CaseStatus status;
    private LocalDate dueDate;
    private OffsetDateTime signedAt;
    private OffsetDateTime answeredAt;
    private AnswerCategory category;
    private String answer;
    private String signedOffBy;
    private String opinion;
    private boolean contacted;
    private LocalDate extensionUntil;
    private String extensionReason;
    private String returnReason;
    private Long replacedBy;
    /** The case that replaces this returned one, until it is saved and has an id. */
    private Case replacement;
    private boolean changed;

    /** A case as stored. */
    Case(long id, String orgCode, CaseRole role, CaseStatus status, OffsetDateTime assignedAt, LocalDate assignedOn,
            LocalDate dueDate, OffsetDateTime signedAt, OffsetDateTime answeredAt, AnswerCategory category,
            String answer, String signedOffBy, String opinion, boolean contacted, LocalDate extensionUntil,
            String extensionReason, String returnReason, Long replacedBy) {
        this.id = id;
        this.orgCode = orgCode;
        this.role = role;
        this.status = status;
        this.assignedAt = assignedAt;
        this.assignedOn = assignedOn;
        this.dueDate = dueDate;
        this.signedAt = signedAt;
        this.answeredAt = answeredAt;
        this.category = category;
        this.answer = answer;
        this.signedOffBy = signedOffBy;
        this.opinion = opinion;
        this.contacted = contacted;
        this.extensionUntil = extensionUntil;
        this.extensionReason = extensionReason;
        this.returnReason = returnReason;
        this.replacedBy = replacedBy;
    }

    /** A case just assigned: 待签收. */
    private Case(String orgCode, CaseRole role, OffsetDateTime assignedAt, LocalDate assignedOn, LocalDate dueDate) {
        this.orgCode = orgCode;
        this.role = role;
        this.status = CaseStatus.ASSIGNED;
        this.assignedAt = assignedAt;
        this.assignedOn = assignedOn;
        this.dueDate = dueDate;
    }

    static Case assigned(String orgCode, CaseRole role, OffsetDateTime now, LocalDate today, LocalDate dueDate) {
        return new Case(orgCode, role, now, today, dueDate);
    }

    boolean isNew() {
        return id == null;
    }

    /** The id, once the case is saved. */
    CaseId id() {
        if (id == null) {
            throw new IllegalStateException("The case is not saved yet");
        }
        return new CaseId(id);
    }

    boolean is(CaseId other) {
        return id != null && id == other.value();
    }

    void identify(long newId) {
        if (id != null) {
            throw new IllegalStateException("Case " + id + " has its id already");
        }
        id = newId;
    }

    boolean changed() {
        return changed;
    }

    void saved() {
        changed = false;
    }

    // --- what a case is

    String orgCode() {
        return orgCode;
    }

    CaseRole role() {
        return role;
    }

    CaseStatus status() {
        return status;
    }

    OffsetDateTime assignedAt() {
        return assignedAt;
    }

    LocalDate assignedOn() {
        return assignedOn;
    }

    LocalDate dueDate() {
        return dueDate;
    }

    OffsetDateTime signedAt() {
        return signedAt;
    }

    OffsetDateTime answeredAt() {
        return answeredAt;
    }

    AnswerCategory category() {
        return category;
    }

    String answer() {
        return answer;
    }

    String signedOffBy() {
        return signedOffBy;
    }

    String opinion() {
        return opinion;
    }

    boolean contacted() {
        return contacted;
    }

    LocalDate extensionUntil() {
        return extensionUntil;
    }

    boolean extensionPending() {
        return extensionUntil != null;
    }

    String extensionReason() {
        return extensionReason;
    }

    String returnReason() {
        return returnReason;
    }

    /** The id of the case that replaced this returned one. */
    Long replacedBy() {
        return replacement != null && !replacement.isNew() ? Long.valueOf(replacement.id().value()) : replacedBy;
    }

    boolean replaced() {
        return replacedBy != null || replacement != null;
    }

    /** Whether the department has taken the case on (签收), whatever happened after. */
    boolean taken() {
        return signedAt != null && status.active();
    }

    // --- changes, made by the matter once it has checked them

    void sign(OffsetDateTime now) {
        status = CaseStatus.SIGNED;
        signedAt = now;
        changed = true;
    }

    void giveBack(String reason) {
        status = CaseStatus.RETURNED;
        returnReason = reason;
        lapseExtension();
    }

    void replaceBy(Case next) {
        replacement = next;
        changed = true;
    }

    void askExtension(LocalDate until, String reason) {
        extensionUntil = until;
        extensionReason = reason;
        changed = true;
    }

    void decideExtension(boolean grant) {
        if (grant) {
            dueDate = extensionUntil;
        }
        extensionUntil = null;
        changed = true;
    }

    void markContacted() {
        contacted = true;
        changed = true;
    }

    void sendOpinion(String text, OffsetDateTime now) {
        opinion = text;
        answeredAt = now;
        status = CaseStatus.OPINION_SENT;
        changed = true;
    }

    void answer(AnswerCategory answerCategory, String text, String signedOff, OffsetDateTime now) {
        category = answerCategory;
        answer = text;
        signedOffBy = signedOff;
        answeredAt = now;
        status = CaseStatus.ANSWERED;
        lapseExtension();
    }

    void rehandle(LocalDate due) {
        status = CaseStatus.REHANDLING;
        dueDate = due;
        changed = true;
    }

    void close() {
        status = CaseStatus.CLOSED;
        lapseExtension();
    }

    /** A request for more time lapses once the case no longer owes work. */
    private void lapseExtension() {
        extensionUntil = null;
        changed = true;
    }
}
