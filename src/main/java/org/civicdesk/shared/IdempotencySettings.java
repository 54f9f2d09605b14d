package org.civicdesk.shared;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * How long the API remembers an idempotency key.
 *
 * @param keptFor How long after its request a key is kept (CIVICDESK_IDEMPOTENCY_KEPT_FOR): a retry
 *        within it is answered with what the first request made, one after it is a new request.
 */
@ConfigurationProperties("civicdesk.idempotency")
@Validated
record IdempotencySettings(@DefaultValue("7d") @NotNull @DurationMin(minutes = 1) Duration keptFor) {
}
