package org.civicdesk.meetings.internal;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * The settings of meetings ({@code civicdesk.meetings.*}, or {@code CIVICDESK_MEETINGS_*}).
 *
 * @param checkInOpensBefore how long before a meeting starts the door takes check-ins (签到); earlier, a
 *        code shown at the door is refused, so that nobody is counted present at a meeting weeks ahead
 */
@Validated
@ConfigurationProperties("civicdesk.meetings")
record MeetingsSettings(
        @DefaultValue("2h") @NotNull @DurationMin(minutes = 0) @DurationMax(days = 7) Duration checkInOpensBefore) {
}
