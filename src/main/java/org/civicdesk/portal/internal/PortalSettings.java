package org.civicdesk.portal.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import jakarta.validation.constraints.NotNull;

/**
 * The portal's settings ({@code civicdesk.portal.*}, or {@code CIVICDESK_PORTAL_*}).
 *
 * @param figuresRefresh how long a node shows the figures and dashboards it read before reading them
 *        again: the departments' rates and the months are grouped reads of every case, which a front page
 *        viewed many times a second cannot repeat on each view. Readers meanwhile get the figures already
 *        read, with the time they were read; {@code 0s} reads on every view (the tests' setting).
 */
@Validated
@ConfigurationProperties("civicdesk.portal")
record PortalSettings(@DefaultValue("5m") @NotNull @DurationMin(millis = 0) @DurationMax(hours = 24) Duration figuresRefresh) {
}
