package org.civicdesk.calls.internal;

import java.net.URI;
import java.util.List;

import org.civicdesk.calls.CallCommand;
import org.civicdesk.calls.internal.Commands.ApplicantCommand;
import org.civicdesk.calls.internal.Commands.ApplicationCommand;
import org.civicdesk.calls.internal.Views.ApplicantView;
import org.civicdesk.calls.internal.Views.ApplicationView;
import org.civicdesk.calls.internal.Views.CallView;
import org.civicdesk.calls.internal.Views.Submitted;
import org.civicdesk.shared.IdempotentRequests;
import org.civicdesk.shared.IdempotentRequests.Made;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The calls API. Administrators are the organisers: they open calls and decide on applications, and
 * only they read applicants' phone numbers. Anyone applies without an account, and looks up or
 * withdraws the application with its number and phone.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Calls for applications", description = "Calls, their groups and quotas, applications")
class CallsApiController {

    private static final String ORGANISER = "hasRole('ADMIN')";

    private final CallService calls;
    private final IdempotentRequests requests;

    CallsApiController(CallService calls, IdempotentRequests requests) {
        this.calls = calls;
        this.requests = requests;
    }

    @PostMapping("/calls")
    @PreAuthorize(ORGANISER)
    @Operation(summary = "Open a call; a group's sex is M or F, minAge is inclusive and maxAge exclusive "
            + "(maxAge 65 = 65岁以下, not yet 65 on the day of applying)")
    ResponseEntity<CallView> create(@RequestBody CallCommand cmd) {
        CallView call = calls.create(cmd);
        return ResponseEntity.created(URI.create("/api/v1/public/calls/" + call.code())).body(call);
    }

    @GetMapping("/public/calls")
    @Operation(summary = "Every call with its groups and the places taken")
    List<CallView> all() {
        return calls.calls();
    }

    @GetMapping("/public/calls/{code}")
    @Operation(summary = "A call with its groups and the places taken")
    CallView call(@PathVariable String code) {
        return calls.call(code);
    }

    /**
     * Applicants have no account, so their keys are all one anonymous account's: a key answers again
     * only a request with the identical body, and whoever sends another body with someone else's key
     * is refused without learning that applicant's answer.
     */
    @PostMapping("/public/calls/{code}/applications")
    @Operation(summary = "Apply to a group of a call: sex M or F, birthDate like 1970-05-01; 400 NOT_ELIGIBLE names "
            + "the rule, 409 ALREADY_APPLIED when the phone number already stands behind an application to the "
            + "call, 409 QUOTA_FULL once pending and accepted applications fill the quota",
            description = IdempotentRequests.API_DOC + " Without signing in, every applicant's keys are one "
                    + "anonymous account's: choose keys nobody else would (a random UUID).")
    ResponseEntity<Submitted> apply(@PathVariable String code,
            @RequestHeader(name = IdempotentRequests.KEY_HEADER, required = false) String key,
            @RequestBody ApplicationCommand cmd) {
        return requests.once("calls.application", key, List.of(code, cmd),
                () -> Made.created(calls.apply(code, cmd), Submitted::id), calls::submitted).respond();
    }

    @GetMapping("/calls/{code}/applications")
    @PreAuthorize(ORGANISER)
    @Operation(summary = "The applications to a call, with the applicants' phone numbers")
    List<ApplicationView> applications(@PathVariable String code) {
        return calls.applications(code);
    }

    /**
     * The applicant's own view of an application, by its number and the phone it was made with; the
     * phone travels in the body, never in an address. A wrong phone is 404, as an unknown number is.
     */
    @PostMapping("/public/call-applications/{id}/lookup")
    @Operation(summary = "Look up one's application by its number and phone {\"phone\"}; 404 unless both match")
    ApplicantView lookup(@PathVariable long id, @RequestBody ApplicantCommand cmd) {
        return calls.lookup(id, cmd.phone());
    }

    @PostMapping("/public/call-applications/{id}/withdraw")
    @Operation(summary = "Withdraw one's standing application {\"phone\"}, which frees its place; 404 unless "
            + "number and phone match, 409 INVALID_TRANSITION once rejected or withdrawn")
    Submitted withdraw(@PathVariable long id, @RequestBody ApplicantCommand cmd) {
        return calls.withdraw(id, cmd.phone());
    }

    @PostMapping("/call-applications/{id}/confirm")
    @PreAuthorize(ORGANISER)
    @Operation(summary = "Confirm a submitted application with its applicant (no SMS code is sent yet); only a "
            + "confirmed application can be accepted")
    Submitted confirm(@PathVariable long id) {
        return calls.confirm(id);
    }

    @PostMapping("/call-applications/{id}/accept")
    @PreAuthorize(ORGANISER)
    @Operation(summary = "Accept a confirmed application; 409 INVALID_TRANSITION while it is not confirmed")
    Submitted accept(@PathVariable long id) {
        return calls.decide(id, ApplicationStatus.ACCEPTED);
    }

    @PostMapping("/call-applications/{id}/reject")
    @PreAuthorize(ORGANISER)
    @Operation(summary = "Reject a submitted or confirmed application, which frees its place")
    Submitted reject(@PathVariable long id) {
        return calls.decide(id, ApplicationStatus.REJECTED);
    }
}
