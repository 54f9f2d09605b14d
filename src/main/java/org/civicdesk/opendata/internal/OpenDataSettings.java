package org.civicdesk.opendata.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The open-data archive's terms and rhythm ({@code civicdesk.open-data.*}).
 *
 * @param licence the licence's name as the archive and the catalogue print it (CIVICDESK_OPEN_DATA_LICENCE)
 * @param licenceUrl where its full text is (CIVICDESK_OPEN_DATA_LICENCE_URL)
 * @param publisher who publishes the data and is to be credited (CIVICDESK_OPEN_DATA_PUBLISHER)
 * @param refreshEvery how old the archive may grow before it is built again (CIVICDESK_OPEN_DATA_REFRESH_EVERY)
 */
@ConfigurationProperties("civicdesk.open-data")
@Validated
record OpenDataSettings(@DefaultValue("CC BY 4.0") @NotBlank String licence,
        @DefaultValue("https://creativecommons.org/licenses/by/4.0/") @NotBlank String licenceUrl,
        @DefaultValue("民生议事台 Civic Desk") @NotBlank String publisher,
        @DefaultValue("P1D") @NotNull Duration refreshEvery) {
}
