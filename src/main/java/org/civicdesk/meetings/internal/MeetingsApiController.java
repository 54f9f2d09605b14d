package org.civicdesk.meetings.internal;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import org.civicdesk.meetings.AgendaItemCommand;
import org.civicdesk.meetings.MeetingCommand;
import org.civicdesk.meetings.ParticipantCommand;
import org.civicdesk.meetings.SeriesCommand;
import org.civicdesk.meetings.internal.Commands.AttendanceCommand;
import org.civicdesk.meetings.internal.Commands.CategoryCommand;
import org.civicdesk.meetings.internal.Commands.CloseCommand;
import org.civicdesk.meetings.internal.Commands.DecisionCommand;
import org.civicdesk.meetings.internal.Commands.InvitationCommand;
import org.civicdesk.meetings.internal.Commands.MinutesCommand;
import org.civicdesk.meetings.internal.Commands.RegistrationCommand;
import org.civicdesk.meetings.internal.ParticipationService.Outcome;
import org.civicdesk.meetings.internal.Views.AgendaItemView;
import org.civicdesk.meetings.internal.Views.MeetingView;
import org.civicdesk.meetings.internal.Views.MyMeeting;
import org.civicdesk.meetings.internal.Views.ParticipantView;
import org.civicdesk.meetings.internal.Views.SeriesView;
import org.civicdesk.shared.IdempotentRequests;
import org.civicdesk.shared.IdempotentRequests.Made;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The meetings API. Organisers — ADMIN or SUPERVISOR, the roles that already run the directory and
 * supervise what is raised — create series and meetings, invite, record people and agendas, and
 * check people in. Any signed-in account registers itself and answers its own invitations.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Meetings", description = "Series, meetings, invitations, registration, check-in, agendas")
class MeetingsApiController {

    private static final String ORGANISER = "hasAnyRole('ADMIN','SUPERVISOR')";

    private final MeetingService meetings;
    private final ParticipationService participation;
    private final QrCodes qr;
    private final IdempotentRequests requests;

    MeetingsApiController(MeetingService meetings, ParticipationService participation, QrCodes qr,
            IdempotentRequests requests) {
        this.meetings = meetings;
        this.participation = participation;
        this.qr = qr;
        this.requests = requests;
    }

    // --- series

    @PostMapping("/series")
    @PreAuthorize(ORGANISER)
    @Operation(summary = "Create a series of meetings")
    ResponseEntity<SeriesView> createSeries(@RequestBody SeriesCommand cmd) {
        SeriesView series = meetings.createSeries(cmd);
        return ResponseEntity.created(URI.create("/api/v1/series/" + series.slug())).body(series);
    }

    @GetMapping("/series")
    List<SeriesView> series() {
        return meetings.allSeries();
    }

    @GetMapping("/series/{slug}")
    SeriesView series(@PathVariable String slug) {
        return meetings.seriesView(slug);
    }

    @PostMapping("/series/{slug}/theme-categories")
    @PreAuthorize(ORGANISER)
    @Operation(summary = "Define a theme category of the series")
    ResponseEntity<SeriesView> addCategory(@PathVariable String slug, @RequestBody CategoryCommand cmd) {
        return ResponseEntity.status(HttpStatus.CREATED).body(meetings.addCategory(slug, cmd.name()));
    }

    // --- meetings

    @PostMapping("/meetings")
    @PreAuthorize(ORGANISER)
    @Operation(summary = "Create a meeting; published at once unless status is DRAFT")
    ResponseEntity<MeetingView> createMeeting(@RequestBody MeetingCommand cmd) {
        MeetingView meeting = meetings.createMeeting(cmd);
        return ResponseEntity.created(URI.create("/api/v1/meetings/" + meeting.id())).body(meeting);
    }

    @GetMapping("/meetings")
    List<MeetingView> meetings(@RequestParam(required = false) String series,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to) {
        return meetings.meetings(series, from, to, MeetingService.isOrganiser());
    }

    @GetMapping("/meetings/reminders")
    @PreAuthorize(ORGANISER)
    @Operation(summary = "Meetings that are over but not yet closed with their report")
    List<MeetingView> reminders() {
        return meetings.awaitingReport();
    }

    @GetMapping("/meetings/{id}")
    MeetingView meeting(@PathVariable long id) {
        return meetings.meetingView(id);
    }

    @PostMapping("/meetings/{id}/publish")
    @PreAuthorize(ORGANISER)
    MeetingView publish(@PathVariable long id) {
        return meetings.publish(id);
    }

    @PostMapping("/meetings/{id}/close")
    @PreAuthorize(ORGANISER)
    @Operation(summary = "Close a published meeting with its report")
    MeetingView close(@PathVariable long id, @RequestBody CloseCommand cmd) {
        return meetings.close(id, cmd.report());
    }

    @PutMapping("/meetings/{id}/minutes")
    @PreAuthorize(ORGANISER)
    MeetingView minutes(@PathVariable long id, @RequestBody MinutesCommand cmd) {
        return meetings.setMinutes(id, cmd.minutes());
    }

    // --- agenda

    @GetMapping("/meetings/{id}/agenda")
    List<AgendaItemView> agenda(@PathVariable long id) {
        meetings.meetingView(id);
        return meetings.agenda(id);
    }

    @PostMapping("/meetings/{id}/agenda")
    @PreAuthorize(ORGANISER)
    ResponseEntity<AgendaItemView> addAgendaItem(@PathVariable long id, @RequestBody AgendaItemCommand cmd) {
        return ResponseEntity.status(HttpStatus.CREATED).body(meetings.addAgendaItem(id, cmd));
    }

    @PutMapping("/meetings/{id}/agenda/{itemId}/decision")
    @PreAuthorize(ORGANISER)
    AgendaItemView decide(@PathVariable long id, @PathVariable long itemId, @RequestBody DecisionCommand cmd) {
        return meetings.recordDecision(id, itemId, cmd.decision());
    }

    // --- people

    @GetMapping("/meetings/{id}/attendees")
    @PreAuthorize(ORGANISER)
    @Operation(summary = "Everyone at the meeting, with invitation, registration and check-in")
    List<ParticipantView> attendees(@PathVariable long id) {
        return participation.participants(id);
    }

    @PostMapping("/meetings/{id}/participants")
    @PreAuthorize(ORGANISER)
    @Operation(summary = "Record someone at the meeting in a role (出席, 列席, speaker, host)")
    ResponseEntity<ParticipantView> record(@PathVariable long id, @RequestBody ParticipantCommand cmd) {
        return ResponseEntity.status(HttpStatus.CREATED).body(participation.record(id, cmd));
    }

    @PostMapping("/meetings/{id}/invitations")
    @PreAuthorize(ORGANISER)
    @Operation(summary = "Invite an account; inviting again changes nothing")
    ResponseEntity<ParticipantView> invite(@PathVariable long id, @RequestBody InvitationCommand cmd) {
        return answer(participation.invite(id, cmd));
    }

    @PostMapping("/meetings/{id}/invitation/accept")
    @Operation(summary = "Accept the caller's invitation")
    ParticipantView accept(@PathVariable long id) {
        return participation.accept(id);
    }

    @PostMapping("/meetings/{id}/invitation/decline")
    @Operation(summary = "Decline the caller's invitation")
    ParticipantView decline(@PathVariable long id) {
        return participation.decline(id);
    }

    @PostMapping("/meetings/{id}/registrations")
    @Operation(summary = "Register the caller; 409 MEETING_FULL past capacity (unless waitlist is true), "
            + "409 REGISTRATION_CLOSED when not open; registering twice counts once",
            description = IdempotentRequests.API_DOC)
    ResponseEntity<ParticipantView> register(@PathVariable long id,
            @RequestHeader(name = IdempotentRequests.KEY_HEADER, required = false) String key,
            @RequestBody(required = false) RegistrationCommand cmd) {
        RegistrationCommand asked = cmd == null ? RegistrationCommand.DEFAULT : cmd;
        return requests.once("meetings.registration", key, List.of(id, asked), () -> {
            Outcome outcome = participation.register(id, asked);
            return new Made<>(outcome.participant(), outcome.participant().id(), outcome.created());
        }, participation::registration).respond();
    }

    @GetMapping("/meetings/{id}/registrations/mine")
    @Operation(summary = "The caller's own registration, with its code")
    ParticipantView mine(@PathVariable long id) {
        return participation.mine(id);
    }

    @GetMapping(path = "/meetings/{id}/registrations/mine/qr.svg", produces = "image/svg+xml")
    @Operation(summary = "The caller's registration code as a QR code")
    ResponseEntity<String> myQr(@PathVariable long id) {
        ParticipantView me = participation.admittingCode(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("image/svg+xml"))
                .body(qr.svg(me.code(), me.code()));
    }

    @DeleteMapping("/meetings/{id}/registrations/mine")
    @Operation(summary = "Withdraw: the seat goes to the first on the waiting list")
    ParticipantView cancel(@PathVariable long id) {
        return participation.cancel(id);
    }

    @PostMapping("/meetings/{id}/registrations/{username}/approve")
    @PreAuthorize(ORGANISER)
    ParticipantView approve(@PathVariable long id, @PathVariable String username) {
        return participation.approve(id, username);
    }

    @PostMapping("/meetings/{id}/registrations/{username}/reject")
    @PreAuthorize(ORGANISER)
    ParticipantView reject(@PathVariable long id, @PathVariable String username) {
        return participation.reject(id, username);
    }

    @PostMapping("/meetings/{id}/attendance")
    @PreAuthorize(ORGANISER)
    @Operation(summary = "Check someone in by username or registration code; twice changes nothing")
    ResponseEntity<ParticipantView> attendance(@PathVariable long id, @RequestBody AttendanceCommand cmd) {
        return answer(participation.checkIn(id, cmd));
    }

    @GetMapping("/me/meetings")
    @Operation(summary = "The caller's invitations and registrations, with its codes")
    List<MyMeeting> myMeetings() {
        return participation.myMeetings();
    }

    private static ResponseEntity<ParticipantView> answer(Outcome outcome) {
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(outcome.participant());
    }
}
