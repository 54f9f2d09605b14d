package org.civicdesk.charity.internal;

import java.net.URI;
import java.util.List;

import org.civicdesk.charity.DonationCommand;
import org.civicdesk.charity.internal.DonationLedger.Recorded;
import org.civicdesk.charity.internal.Views.DonationView;
import org.civicdesk.shared.IdempotentRequests;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.Role;
import org.civicdesk.shared.RoleRestrictedApi;
import org.civicdesk.shared.TokenConfirmedAtWrite;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The donation ledger's API (捐赠台账), for charity officers and the payment channels that report
 * to it (CHARITY_OFFICER). On 99 Giving Day it is the busiest endpoint of the city, so its requests
 * take the lightest path: the role is checked by the API's filter chain ({@link Access#donationsForOfficers}),
 * not by a method-security expression per call, and the body and the idempotency key are read as an
 * {@link HttpEntity}, which needs no data binder (with every {@code @InitBinder} of the advice) as
 * {@code @RequestBody} and {@code @RequestHeader} do. The ledger checks the key's presence and length;
 * a header with a control character never gets this far (Spring Security's request firewall).
 */
@RestController
@RequestMapping("/api/v1/donations")
@Tag(name = "Charity")
class DonationApiController {

    /** The role that records donations. */
    static final Role RECORDER = Role.CHARITY_OFFICER;

    private final DonationLedger ledger;

    DonationApiController(DonationLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * A repeat of a key answers exactly as the first request did — 201 with the same donation — and
     * marks itself with {@code Idempotent-Replayed: true}, so a client that lost the first answer
     * needs no special case.
     */
    @PostMapping
    @Operation(summary = "Record a donation; the Idempotency-Key header makes a retry count once",
            description = "A key belongs to the account that sends it. The same key with the same body returns "
                    + "the donation recorded first (201, header Idempotent-Replayed: true); with another body it is "
                    + "409 IDEMPOTENCY_KEY_REUSED; another account's same key is another donation. Amounts are "
                    + "decimal strings or numbers with at most two places. The answer comes before the receipt number: "
                    + "receiptNo is null and receipt PENDING until the receipt issuer numbers the donation, normally "
                    + "within a second; GET /api/v1/donations/{id} then shows it. The caller's token is confirmed when the "
                    + "donation is written: a token revoked, an account disabled or a role withdrawn since the caller's last "
                    + "donation is refused then (401 INVALID_TOKEN, 403 FORBIDDEN), with nothing written.")
    @Parameter(name = IdempotentRequests.KEY_HEADER, in = ParameterIn.HEADER, required = true,
            description = "The payment's own key, at most 200 characters")
    // springdoc reads no body from an HttpEntity parameter: the document names it here.
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DonationCommand.class)))
    ResponseEntity<DonationView> recordDonation(HttpEntity<DonationCommand> request) {
        if (request.getBody() == null) {
            throw Problems.malformed();
        }
        Recorded recorded = ledger.record(request.getBody(), request.getHeaders().getFirst(IdempotentRequests.KEY_HEADER));
        return ResponseEntity.created(URI.create("/api/v1/donations/" + recorded.donation().id()))
                .header(IdempotentRequests.REPLAYED_HEADER, Boolean.toString(recorded.replayed())).body(recorded.donation());
    }

    @GetMapping
    @Operation(summary = "The donation ledger, latest first, of one campaign if asked")
    List<DonationView> donations(@RequestParam(required = false) String campaign) {
        return ledger.ledger(campaign, 500);
    }

    @GetMapping("/{id}")
    DonationView donation(@PathVariable long id) {
        return ledger.donation(id);
    }

    @Configuration(proxyBeanMethods = false)
    static class Access {

        /** Every path of this controller, for charity officers only. */
        @Bean
        RoleRestrictedApi donationsForOfficers() {
            return new RoleRestrictedApi(RECORDER, List.of("/api/v1/donations", "/api/v1/donations/**"));
        }

        /** A donation's token is confirmed by the intake's write, with the others of its batch. */
        @Bean
        TokenConfirmedAtWrite donationsConfirmedAtWrite() {
            return new TokenConfirmedAtWrite("POST", "/api/v1/donations");
        }
    }
}
