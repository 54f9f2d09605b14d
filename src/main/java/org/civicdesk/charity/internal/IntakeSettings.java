package org.civicdesk.charity.internal;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How a node writes the donations it receives (捐赠入账): together, a batch per transaction.
 *
 * @param maxBatch The most donations written in one transaction (CIVICDESK_CHARITY_INTAKE_MAX_BATCH).
 * @param queueCapacity How many donations may wait for the writer; one more is refused with 503, to be
 *        sent again, rather than waiting without bound (CIVICDESK_CHARITY_INTAKE_QUEUE_CAPACITY).
 * @param transactionTimeout The longest a batch's transaction may stay open
 *        (CIVICDESK_CHARITY_INTAKE_TRANSACTION_TIMEOUT): the receipt issuer relies on it, taking a
 *        donation whose id it has passed for one that will never commit once twice this has gone by.
 */
@ConfigurationProperties("civicdesk.charity.intake")
@Validated
record IntakeSettings(
        @DefaultValue("64") @Min(1) @Max(1000) int maxBatch,
        @DefaultValue("4096") @Min(1) int queueCapacity,
        @DefaultValue("5s") @NotNull @DurationMin(seconds = 1) Duration transactionTimeout) {

    /** How long after its numbering a donation's id is known to have every lower id settled. */
    Duration settledAfter() {
        return transactionTimeout.multipliedBy(2);
    }
}
