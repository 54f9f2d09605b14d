package org.civicdesk.charity.internal;

import java.net.URI;
import java.util.List;

import org.civicdesk.charity.AidApplicationCommand;
import org.civicdesk.charity.ClaimCommand;
import org.civicdesk.charity.ReviewDecision;
import org.civicdesk.charity.internal.Views.AidApplicationView;
import org.civicdesk.charity.internal.Views.ClaimView;
import org.civicdesk.charity.internal.Views.PaymentView;
import org.civicdesk.shared.Attachments;
import org.civicdesk.shared.Attachments.Attachment;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.IdempotentRequests;
import org.civicdesk.shared.IdempotentRequests.Made;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Aid applications (救助申请) and livelihood-insurance claims (理赔) through their review: any signed-in
 * account applies for aid for itself and follows its application; charity officers and community
 * workers apply for residents; officers review, pay once, and file and handle claims. Documents are
 * attached to applications and claims, and served only to those who may see them.
 */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasRole('CHARITY_OFFICER')")
@Tag(name = "Aid and insurance", description = "Aid applications and livelihood-insurance claims, reviewed and paid once")
class AidApiController {

    private static final String REVIEW_DOC = "Body {\"approve\":bool,\"amount\"?,\"reason\"?}. Approving without an "
            + "amount approves the amount asked for; declining needs a reason (400 naming it). Deciding what was "
            + "decided already is 409 INVALID_TRANSITION.";
    private static final String PAYMENT_DOC = "Pays the amount approved, today. Not approved: 409 NOT_APPROVED; paid "
            + "already, even by a payment at the same moment: 409 ALREADY_PAID. ";

    private final AidApplications applications;
    private final AidProgrammes programmes;
    private final LivelihoodInsurance insurance;
    private final IdempotentRequests requests;

    AidApiController(AidApplications applications, AidProgrammes programmes, LivelihoodInsurance insurance,
            IdempotentRequests requests) {
        this.applications = applications;
        this.programmes = programmes;
        this.insurance = insurance;
        this.requests = requests;
    }

    @PostMapping("/aid/programmes/{code}/applications")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Apply for aid; the programme's rules are checked at once",
            description = "Any signed-in account applies for itself; a CHARITY_OFFICER or a community worker (a "
                    + "HANDLER of a COMMUNITY organisation) applies on a resident's behalf, naming the resident's "
                    + "account (\"applicant\") or, for a resident without one, the name (\"applicantName\"); "
                    + "filedBy records who filed it. Answers 201 with "
                    + "status SUBMITTED, eligible, and reasons: each rule not met as a sentence in the request's "
                    + "language (Accept-Language). localHukou and insured are the applicant's declarations; left "
                    + "out, the officer checks them at review. " + IdempotentRequests.API_DOC)
    ResponseEntity<AidApplicationView> apply(@PathVariable String code,
            @RequestHeader(name = IdempotentRequests.KEY_HEADER, required = false) String key,
            @RequestBody AidApplicationCommand cmd) {
        return requests.once("charity.aid-application", key, List.of(code, cmd),
                () -> Made.created(applications.apply(code, cmd), AidApplicationView::id), applications::application)
                .respond(application -> URI.create("/api/v1/aid/applications/" + application.id()));
    }

    @GetMapping("/aid/applications/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "An aid application, to its applicant or a CHARITY_OFFICER",
            description = "status is SUBMITTED, APPROVED, DECLINED or PAID.")
    AidApplicationView application(@PathVariable long id) {
        return applications.application(id);
    }

    @PostMapping(path = "/aid/applications/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Attach a document to an aid application",
            description = Attachments.API_DOC + " The applicant and whoever filed it attach while it waits for review (409 "
                    + "INVALID_TRANSITION after); a CHARITY_OFFICER at any time.")
    ResponseEntity<Attachment> attach(@PathVariable long id, @RequestPart(name = "file", required = false) MultipartFile file) {
        Attachment attachment = applications.attach(id, file);
        return ResponseEntity.created(URI.create("/api/v1/aid/applications/" + id + "/attachments/" + attachment.id()))
                .body(attachment);
    }

    @GetMapping("/aid/applications/{id}/attachments")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The documents of an aid application, to those who may see it")
    List<Attachment> attachments(@PathVariable long id) {
        return applications.documents(id);
    }

    @GetMapping("/aid/applications/{id}/attachments/{attachmentId}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Download a document of an aid application, to those who may see it")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        return applications.document(id, attachmentId);
    }

    @GetMapping("/aid/applications")
    @Operation(summary = "The officers' queue: waiting first, the categories a programme favours first within it")
    List<AidApplicationView> queue(@RequestParam(required = false) String status,
            @RequestParam(required = false) String programme) {
        return applications.queue(AidApplications.QueueFilter.of(status(status), programme), 0, 500);
    }

    @PostMapping("/aid/applications/{id}/decision")
    @Operation(summary = "Approve an application with an amount, or decline it with a reason",
            description = REVIEW_DOC + " Approving an application that fails its programme's rules is 409 NOT_ELIGIBLE.")
    AidApplicationView decide(@PathVariable long id, @RequestBody ReviewDecision decision) {
        return applications.decide(id, decision);
    }

    @PostMapping("/aid/applications/{id}/payment")
    @Operation(summary = "Pay an approved application, once", description = PAYMENT_DOC + IdempotentRequests.API_DOC)
    ResponseEntity<PaymentView> pay(@PathVariable long id,
            @RequestHeader(name = IdempotentRequests.KEY_HEADER, required = false) String key) {
        try {
            return requests.once("charity.aid-payment", key, List.of(id),
                    () -> Made.created(applications.pay(id), PaymentView::id), programmes::payment)
                    .respond(payment -> URI.create("/api/v1/aid/applications/" + id));
        } catch (RuntimeException failure) {
            throw applications.lostRace(id, failure);
        }
    }

    @PostMapping("/insurance/policies/{year}/claims")
    @Operation(summary = "File a claim on a year's livelihood insurance",
            description = "The incident must fall in the policy's year. " + IdempotentRequests.API_DOC)
    ResponseEntity<ClaimView> fileClaim(@PathVariable int year,
            @RequestHeader(name = IdempotentRequests.KEY_HEADER, required = false) String key,
            @RequestBody ClaimCommand cmd) {
        return requests.once("charity.insurance-claim", key, List.of(year, cmd),
                () -> Made.created(insurance.fileClaim(year, cmd), ClaimView::id), id -> insurance.claimView(year, id))
                .respond(claim -> URI.create("/api/v1/insurance/policies/" + year + "/claims/" + claim.id()));
    }

    @GetMapping("/insurance/policies/{year}/claims")
    @Operation(summary = "The claims on a year's policy, latest first, of one status if asked")
    List<ClaimView> claims(@PathVariable int year, @RequestParam(required = false) String status) {
        return insurance.claims(year, status(status));
    }

    @GetMapping("/insurance/policies/{year}/claims/{id}")
    ClaimView claim(@PathVariable int year, @PathVariable long id) {
        return insurance.claimView(year, id);
    }

    @PostMapping(path = "/insurance/policies/{year}/claims/{id}/attachments",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a document to a claim", description = Attachments.API_DOC)
    ResponseEntity<Attachment> attachToClaim(@PathVariable int year, @PathVariable long id,
            @RequestPart(name = "file", required = false) MultipartFile file) {
        Attachment attachment = insurance.attach(year, id, file);
        return ResponseEntity.created(URI.create("/api/v1/insurance/policies/" + year + "/claims/" + id
                + "/attachments/" + attachment.id())).body(attachment);
    }

    @GetMapping("/insurance/policies/{year}/claims/{id}/attachments")
    List<Attachment> claimAttachments(@PathVariable int year, @PathVariable long id) {
        return insurance.documents(year, id);
    }

    @GetMapping("/insurance/policies/{year}/claims/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> claimAttachment(@PathVariable int year, @PathVariable long id,
            @PathVariable long attachmentId) {
        return insurance.document(year, id, attachmentId);
    }

    @PostMapping("/insurance/policies/{year}/claims/{id}/decision")
    @Operation(summary = "Approve a claim with an amount, or decline it with a reason", description = REVIEW_DOC)
    ClaimView decideClaim(@PathVariable int year, @PathVariable long id, @RequestBody ReviewDecision decision) {
        return insurance.decide(year, id, decision);
    }

    @PostMapping("/insurance/policies/{year}/claims/{id}/payment")
    @Operation(summary = "Pay an approved claim, once", description = PAYMENT_DOC + IdempotentRequests.API_DOC)
    ResponseEntity<ClaimView> payClaim(@PathVariable int year, @PathVariable long id,
            @RequestHeader(name = IdempotentRequests.KEY_HEADER, required = false) String key) {
        return requests.once("charity.insurance-claim-payment", key, List.of(year, id),
                () -> Made.created(insurance.pay(year, id), ClaimView::id), claim -> insurance.claimView(year, claim))
                .respond(claim -> URI.create("/api/v1/insurance/policies/" + year + "/claims/" + id));
    }

    /** A status filter; an unknown one is a bad parameter, named. */
    static Review.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        Checks checks = new Checks();
        Review.Status parsed = checks.oneOf("status", status, Review.Status.class);
        checks.throwIfAny();
        return parsed;
    }
}
