package org.civicdesk.charity;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Where an aid application or an insurance claim stands, for telling the person it is for of a
 * decision ({@link CharityEvent}s name nobody). Only the module that tells them reads it.
 */
public interface ReviewOutcomes {

    /**
     * @param account the applicant's or claimant's account (username), {@code null} when they have none
     * @param subject what was applied to: the programme's name, or the insurance's year
     * @param status {@code SUBMITTED}, {@code APPROVED}, {@code DECLINED} or {@code PAID}
     * @param amount the amount approved or paid, in yuan; {@code null} before approval
     * @param reason the officer's reason for the decision, if given
     */
    record Outcome(long id, String account, String subject, String status, BigDecimal amount, String reason) {
    }

    Optional<Outcome> aidApplication(long id);

    /** A claim names its claimant as written; it is an account only when that names one. */
    Optional<Outcome> insuranceClaim(long id);
}
