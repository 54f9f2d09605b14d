package org.civicdesk.charity.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.civicdesk.charity.ReviewDecision;

/**
 * A claim (理赔) on a year's livelihood insurance: filed for the insured with what happened and the
 * amount claimed, then reviewed, and paid once if approved.
 */
record InsuranceClaim(long id, int year, String claimant, String incident, LocalDate incidentOn,
        BigDecimal amountClaimed, LocalDate filedOn, Review review, LocalDate paidOn, boolean example) implements Reviewed {

    InsuranceClaim decide(ReviewDecision decision, String by, LocalDate on) {
        return with(review.decide(decision, amountClaimed, by, on), paidOn);
    }

    InsuranceClaim pay(LocalDate on) {
        return with(review.pay(), on);
    }

    private InsuranceClaim with(Review next, LocalDate paid) {
        return new InsuranceClaim(id, year, claimant, incident, incidentOn, amountClaimed, filedOn, next, paid, example);
    }
}
