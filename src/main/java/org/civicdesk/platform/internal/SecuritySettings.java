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
 * @param sessionIdleTimeout A sign-in session ends after this long without a request
 *        (CIVICDESK_SECURITY_SESSION_IDLE_TIMEOUT).
 * @param sessionMaxAge A sign-in session ends this long after sign-in however busy it is
 *        (CIVICDESK_SECURITY_SESSION_MAX_AGE).
 * @param loginMaxFailures Sign-in attempts for one username from one address before that address is
 *        held back for the username (CIVICDESK_SECURITY_LOGIN_MAX_FAILURES).
 * @param loginHold How long the first hold lasts; each further one lasts twice as long as the one
 *        before (CIVICDESK_SECURITY_LOGIN_HOLD).
 * @param loginMaxHold The longest hold (CIVICDESK_SECURITY_LOGIN_MAX_HOLD).
 * @param loginAccountCeiling Sign-in attempts for one username from all addresses together within
 *        {@code loginAccountWindow}; more wait for the next window (CIVICDESK_SECURITY_LOGIN_ACCOUNT_CEILING).
 * @param loginAccountWindow The window of that ceiling (CIVICDESK_SECURITY_LOGIN_ACCOUNT_WINDOW).
 */
@ConfigurationProperties("civicdesk.security")
@Validated
record SecuritySettings(
        @DefaultValue("12h") @NotNull @DurationMin(minutes = 1) Duration tokenTtl,
        @DefaultValue("30m") @NotNull @DurationMin(minutes = 1) Duration sessionIdleTimeout,
        @DefaultValue("12h") @NotNull @DurationMin(minutes = 1) Duration sessionMaxAge,
        @DefaultValue("5") @Positive int loginMaxFailures,
        @DefaultValue("1m") @NotNull @DurationMin(seconds = 1) Duration loginHold,
        @DefaultValue("1h") @NotNull @DurationMin(seconds = 1) Duration loginMaxHold,
        @DefaultValue("30") @Positive int loginAccountCeiling,
        @DefaultValue("1m") @NotNull @DurationMin(seconds = 1) Duration loginAccountWindow) {
}
