package org.civicdesk.charity.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.civicdesk.charity.ReviewDecision;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.Problems;

/**
 * Where an aid application or an insurance claim stands in its review (审核): submitted, then approved
 * with an amount or declined with a reason, then paid once. The one place that says which step may
 * follow which; an application and a claim each hold one.
 *
 * @param amount the amount approved, and then paid; {@code null} until approved
 * @param reason why it was declined, or what the officer noted on approving
 */
record Review(Status status, BigDecimal amount, String reason, String decidedBy, LocalDate decidedOn) {

    static final String NOT_APPROVED = "NOT_APPROVED";
    static final String ALREADY_PAID = "ALREADY_PAID";

    enum Status {
        SUBMITTED, APPROVED, DECLINED, PAID
    }

    static Review submitted() {
        return new Review(Status.SUBMITTED, null, null, null, null);
    }

    /**
     * Checks the decision's fields (400 naming each bad one), then that nothing was decided before
     * (409 {@code INVALID_TRANSITION}).
     *
     * @param asked the amount asked for, approved when the decision names none
     */
    Review decide(ReviewDecision decision, BigDecimal asked, String by, LocalDate on) {
        Checks checks = new Checks();
        checks.required("approve", decision.approve());
        BigDecimal approved = Money.parse(checks, "amount", decision.amount(), false);
        String why = Campaigns.blankToNull(decision.reason());
        checks.maxLength("reason", why, 2000);
        boolean approve = Boolean.TRUE.equals(decision.approve());
        if (approve && approved == null && asked == null && !checks.has("amount")) {
            checks.add("amount", "validation.required");
        }
        if (Boolean.FALSE.equals(decision.approve())) {
            checks.check(why != null, "reason", "charity.validation.declineReason");
        }
        checks.throwIfAny();
        if (status != Status.SUBMITTED) {
            throw Problems.conflict(Problems.INVALID_TRANSITION, "charity.problem.decided");
        }
        return approve ? new Review(Status.APPROVED, approved != null ? approved : asked, why, by, on)
                : new Review(Status.DECLINED, null, why, by, on);
    }

    /** Only an approved one is paid, and only once. */
    Review pay() {
        if (status == Status.PAID) {
            throw Problems.conflict(ALREADY_PAID, "charity.problem.alreadyPaid");
        }
        if (status != Status.APPROVED) {
            throw Problems.conflict(NOT_APPROVED, "charity.problem.notApproved");
        }
        return new Review(Status.PAID, amount, reason, decidedBy, decidedOn);
    }
}
