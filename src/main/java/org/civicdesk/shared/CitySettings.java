package org.civicdesk.shared;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * What every module needs to know about the city it serves.
 *
 * @param timeZone The city's time zone (CIVICDESK_TIME_ZONE): due dates, meeting times given without
 *        an offset, and the times on pages and in calendars.
 */
@ConfigurationProperties("civicdesk")
@Validated
public record CitySettings(@DefaultValue("Asia/Shanghai") @NotNull ZoneId timeZone) {
}
