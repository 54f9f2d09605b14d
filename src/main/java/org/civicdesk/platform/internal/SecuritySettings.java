package org.civicdesk.platform.internal;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * How long a signed-in caller stays signed in, and how sign-in resists guessing.
 *
 * @param tokenTtl Lifetime of an API token (CIVICDESK_SECURITY_TOKEN_TTL).
 * @param loginMaxFailures Failed sign-ins before a username is locked out
 *        (CIVICDESK_SECURITY_LOGIN_MAX_FAILURES).
 * @param loginLockout How long the lockout lasts (CIVICDESK_SECURITY_LOGIN_LOCKOUT).
 */
@ConfigurationProperties("civicdesk.security")
@Validated
record SecuritySettings(
        @DefaultValue("12h") @NotNull @DurationMin(minutes = 1) Duration tokenTtl,
        @DefaultValue("5") @Positive int loginMaxFailures,
        @DefaultValue("15m") @NotNull @DurationMin(seconds = 1) Duration loginLockout) {
}
