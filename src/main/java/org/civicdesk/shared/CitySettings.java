package org.civicdesk.shared;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * What every module needs to know about the city it serves.
 *
 * @param timeZone The city's time zone (CIVICDESK_TIME_ZONE): due dates, meeting times given without
 *        an offset, and the times on pages and in calendars.
 * @param host The host name people reach Civic Desk at, e.g. {@code civicdesk.zhuzhou.gov.cn}
 *        (CIVICDESK_HOST): it names what must stay the same whichever node or address served it, such as
 *        the UIDs of calendar events, and is never taken from a request's {@code Host} header.
 */
@ConfigurationProperties("civicdesk")
@Validated
public record CitySettings(@DefaultValue("Asia/Shanghai") @NotNull ZoneId timeZone,
        @DefaultValue("localhost") @NotNull @Pattern(regexp = "[A-Za-z0-9.-]{1,253}") String host) {
}
