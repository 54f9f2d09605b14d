package org.civicdesk.charity.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.civicdesk.charity.ReviewDecision;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.Role;

/**
 * An application for aid (救助申请): checked against its programme's rules when submitted, so that it
 * is eligible or carries the reasons it is not; then reviewed, and paid once if approved. Only an
 * eligible application is approved.
 *
 * @param applicant the applicant's account, or {@code null} for a resident an officer or a community
 *        worker applied for
 * @param filedBy the account that filed it: the applicant, or an officer or community worker on the
 *        applicant's behalf
 * @param unmetRules the message keys of the rules it fails
 */
record AidApplication(long id, String programme, String applicant, String applicantName, HouseholdCategory category,
        BigDecimal amountRequested, String reason, Boolean localHukou, Boolean insured, boolean favoured,
        List<String> unmetRules, LocalDate appliedOn, Review review, LocalDate paidOn, boolean example, String filedBy) implements Reviewed {

    static final String NOT_ELIGIBLE = "NOT_ELIGIBLE";

    boolean eligible() {
        return unmetRules.isEmpty();
    }

    AidApplication decide(ReviewDecision decision, String by, LocalDate on) {
        Review decided = review.decide(decision, amountRequested, by, on);
        if (decided.status() == Review.Status.APPROVED && !eligible()) {
            throw Problems.conflict(NOT_ELIGIBLE, "charity.problem.notEligible", id);
        }
        return with(decided, paidOn);
    }

    AidApplication pay(LocalDate on) {
        return with(review.pay(), on);
    }

    /** The applicant and whoever filed it for them follow an application; officers handle them all. */
    boolean readableBy(Actor actor) {
        return actor.has(Role.CHARITY_OFFICER) || actor.username().equals(applicant)
                || actor.username().equals(filedBy);
    }

    /**
     * Who may follow it may add documents while it waits for review; once decided, only an officer,
     * who keeps the file complete.
     */
    void checkAttachableBy(Actor actor) {
        if (!readableBy(actor)) {
            throw Problems.forbidden();
        }
        if (review.status() != Review.Status.SUBMITTED && !actor.has(Role.CHARITY_OFFICER)) {
            throw Problems.conflict(Problems.INVALID_TRANSITION, "charity.problem.decided");
        }
    }

    private AidApplication with(Review next, LocalDate paid) {
        return new AidApplication(id, programme, applicant, applicantName, category, amountRequested, reason,
                localHukou, insured, favoured, unmetRules, appliedOn, next, paid, example, filedBy);
    }
}
