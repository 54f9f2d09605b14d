package org.civicdesk.shared;

import java.time.ZoneId;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What every module needs to know about the city it serves.
 *
 * @param timeZone The city's time zone (CIVICDESK_TIME_ZONE): due dates, meeting times given without
 *        an offset, and the times on pages and in calendars.
 * @param host The host name people reach Civic Desk at, e.g. {@code civicdesk.zhuzhou.gov.cn}
 *        (CIVICDESK_HOST): it names what must stay the same whichever node or address served it, such as
 *        the UIDs of calendar events, and is never taken from a request's {@code Host} header.
 * @param name what the city calls itself, e.g. {@code 株洲市} (CIVICDESK_NAME), shown on the front page;
 *        none by default, so that a city that has not named itself is not given another's name
 * @param englishName its name on English pages, e.g. {@code Zhuzhou} (CIVICDESK_ENGLISH_NAME); the name
 *        where none is given
 */
@ConfigurationProperties("civicdesk")
@Validated
public record CitySettings(@DefaultValue("Asia/Shanghai") @NotNull ZoneId timeZone,
        @DefaultValue("localhost") @NotNull @Pattern(regexp = "[A-Za-z0-9.-]{1,253}") String host,
        @Size(max = 50) String name, @Size(max = 50) String englishName) {

    /** The city's name in the reader's language, or null when it has none. */
    public String name(Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        String named = english && englishName != null && !englishName.isBlank() ? englishName : name;
        return named == null || named.isBlank() ? null : named.trim();
    }
}
