package org.civicdesk.projects.internal;

import java.net.URI;
import java.util.List;

import org.civicdesk.meetings.MeetingRef;
import org.civicdesk.projects.ApprovalCommand;
import org.civicdesk.projects.BatchCommand;
import org.civicdesk.projects.BlockerCommand;
import org.civicdesk.projects.DealCommand;
import org.civicdesk.projects.DealEventCommand;
import org.civicdesk.projects.MeetingLinkCommand;
import org.civicdesk.projects.ProjectCommand;
import org.civicdesk.projects.StageCommand;
import org.civicdesk.projects.internal.Views.BatchView;
import org.civicdesk.projects.internal.Views.DealEventView;
import org.civicdesk.projects.internal.Views.DealStats;
import org.civicdesk.projects.internal.Views.DealView;
import org.civicdesk.projects.internal.Views.ProjectSummary;
import org.civicdesk.projects.internal.Views.ProjectView;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Attachments;
import org.civicdesk.shared.Attachments.Attachment;
import org.civicdesk.shared.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The special-bond reserve and the deals register: supervisors and administrators record batches,
 * projects and deals and move projects on; the owner's handlers tick their approvals. The lists and
 * figures are public.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Projects", description = "Special-bond project reserve (专项债项目储备) and technology-transfer deals (专利转化)")
class ProjectsApiController {

    private final ProjectService projects;
    private final DealService deals;
    private final BlockerService blockers;
    private final ProjectMeetings meetings;
    private final ProblemResponses problems;
    private final ApprovalFiles files;
    private final DealEvents events;

    ProjectsApiController(ProjectService projects, DealService deals, BlockerService blockers,
            ProjectMeetings meetings, ProblemResponses problems, ApprovalFiles files, DealEvents events) {
        this.projects = projects;
        this.deals = deals;
        this.blockers = blockers;
        this.meetings = meetings;
        this.problems = problems;
        this.files = files;
        this.events = events;
    }

    @PostMapping("/project-batches")
    @Operation(summary = "Record a batch with the approvals its projects need (ADMIN or SUPERVISOR); "
            + "without requiredApprovals, the default checklist 一件三证")
    ResponseEntity<BatchView> createBatch(@RequestBody BatchCommand cmd) {
        BatchView batch = projects.createBatch(cmd);
        return ResponseEntity.created(URI.create("/api/v1/public/project-batches/" + batch.code())).body(batch);
    }

    @GetMapping("/public/project-batches")
    @Operation(summary = "The batches with their checklists")
    List<BatchView> batches() {
        return projects.batches();
    }

    @GetMapping("/public/project-batches/{code}")
    BatchView batch(@PathVariable String code) {
        return projects.batch(code);
    }

    @PostMapping("/projects")
    @Operation(summary = "Record a project in a batch (ADMIN or SUPERVISOR); it starts PROPOSED with every approval MISSING")
    ResponseEntity<ProjectView> create(@RequestBody ProjectCommand cmd) {
        ProjectView project = projects.create(cmd);
        return ResponseEntity.created(URI.create("/api/v1/public/projects/" + project.code())).body(project);
    }

    @GetMapping("/public/projects")
    @Operation(summary = "The projects of a batch (all without batch) with how many approvals they hold")
    List<ProjectSummary> list(@RequestParam(required = false) String batch) {
        if (batch != null && !batch.isBlank()) {
            projects.batch(batch.trim());
        }
        return projects.projects(batch == null || batch.isBlank() ? null : batch.trim()).stream()
                .map(ProjectView::summary).toList();
    }

    @GetMapping({ "/public/projects/{code}", "/projects/{code}" })
    @Operation(summary = "One project with its approvals")
    ProjectView project(@PathVariable String code) {
        return projects.project(code);
    }

    @PostMapping("/projects/{code}/approvals/{approval}")
    @Operation(summary = "Record a required approval as OBTAINED or MISSING (ADMIN, SUPERVISOR, or a HANDLER of the owner org)")
    ProjectView approval(@PathVariable String code, @PathVariable String approval, @RequestBody ApprovalCommand cmd) {
        return projects.recordApproval(code, approval, cmd);
    }

    @PostMapping(path = "/projects/{code}/approvals/{approval}/attachments",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach the file of a required approval (ADMIN, SUPERVISOR, or a HANDLER of the owner org)",
            description = Attachments.API_DOC + " Read by ADMIN, SUPERVISOR and HANDLER accounts, never public.")
    ResponseEntity<Attachment> attach(@PathVariable String code, @PathVariable String approval,
            @RequestPart(name = "file", required = false) MultipartFile file) {
        Attachment attachment = files.attach(code, approval, file);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + code + "/approvals/" + approval
                + "/attachments/" + attachment.id())).body(attachment);
    }

    @GetMapping("/projects/{code}/approvals/{approval}/attachments")
    @Operation(summary = "The files of a required approval (ADMIN, SUPERVISOR, HANDLER)")
    List<Attachment> attachments(@PathVariable String code, @PathVariable String approval) {
        return files.files(code, approval);
    }

    @GetMapping("/projects/{code}/approvals/{approval}/attachments/{id}")
    @Operation(summary = "Download a file of a required approval (ADMIN, SUPERVISOR, HANDLER)")
    ResponseEntity<byte[]> attachment(@PathVariable String code, @PathVariable String approval,
            @PathVariable long id) {
        return files.file(code, approval, id);
    }

    @PostMapping("/projects/{code}/stage")
    @Operation(summary = "Move a project forward (ADMIN or SUPERVISOR); 409 INVALID_TRANSITION backwards, "
            + "409 APPROVALS_MISSING from DECLARED on while a required approval is missing")
    ProjectView stage(@PathVariable String code, @RequestBody StageCommand cmd) {
        return projects.moveStage(code, cmd);
    }

    @GetMapping("/projects/{code}/blockers")
    @Operation(summary = "What holds the project up (signed-in accounts), open ones first")
    List<BlockerService.BlockerView> blockers(@PathVariable String code) {
        projects.project(code);
        return blockers.blockers(code);
    }

    @PostMapping("/projects/{code}/blockers")
    @Operation(summary = "Raise a blocker with the department that must clear it and its working days (ADMIN or SUPERVISOR)")
    ResponseEntity<BlockerService.BlockerView> raise(@PathVariable String code, @RequestBody BlockerCommand cmd) {
        return ResponseEntity.status(HttpStatus.CREATED).body(blockers.raise(code, cmd));
    }

    @PostMapping("/projects/{code}/blockers/{id}/clear")
    @Operation(summary = "Clear a blocker (ADMIN, SUPERVISOR, or a HANDLER of the department that must clear it)")
    BlockerService.BlockerView clear(@PathVariable String code, @PathVariable long id) {
        return blockers.clear(code, id);
    }

    @GetMapping("/public/projects/{code}/meetings")
    @Operation(summary = "The meetings that discussed the project (a dispatch meeting, 调度会)")
    List<MeetingRef> meetings(@PathVariable String code) {
        projects.project(code);
        return meetings.meetingsFor(code, Actor.current());
    }

    @PostMapping("/projects/{code}/meetings")
    @Operation(summary = "Link a meeting that discussed the project (ADMIN or SUPERVISOR); linking it again changes "
            + "nothing; 400 on an unknown meeting")
    List<MeetingRef> linkMeeting(@PathVariable String code, @RequestBody MeetingLinkCommand cmd) {
        return meetings.link(code, cmd);
    }

    @DeleteMapping("/projects/{code}/meetings/{meeting}")
    @Operation(summary = "Unlink a meeting from the project (ADMIN or SUPERVISOR)")
    List<MeetingRef> unlinkMeeting(@PathVariable String code, @PathVariable long meeting) {
        return meetings.unlink(code, meeting);
    }

    @PostMapping("/deals")
    @Operation(summary = "Record a signed technology-transfer deal (ADMIN or SUPERVISOR)")
    ResponseEntity<DealView> recordDeal(@RequestBody DealCommand cmd) {
        DealView deal = deals.record(cmd);
        return ResponseEntity.created(URI.create("/api/v1/public/deals/" + deal.id())).body(deal);
    }

    @PostMapping("/deal-events")
    @Operation(summary = "Record a fair or signing event with the totals its organiser announced (ADMIN or SUPERVISOR)",
            description = "Body {\"name\",\"heldOn\"?,\"organiser\"?,\"announcedDeals\"?,\"announcedAmount\"?,"
                    + "\"announcedLocal\"?}. Deals name it by name (\"event\"); a deal naming an event not yet "
                    + "recorded records it. A name in use is 409 DUPLICATE.")
    ResponseEntity<DealEventView> recordEvent(@RequestBody DealEventCommand cmd) {
        DealEventView event = events.record(cmd);
        return ResponseEntity.created(URI.create("/api/v1/public/deal-events/" + event.id())).body(event);
    }

    @GetMapping("/public/deal-events")
    @Operation(summary = "The fairs and signing events, latest first, each with what its organiser announced and "
            + "the figures of the deals recorded")
    List<DealEventView> dealEvents() {
        return events.all();
    }

    @GetMapping("/public/deal-events/{id}")
    DealEventView dealEvent(@PathVariable long id) {
        return events.event(id);
    }

    @GetMapping("/public/deals")
    @Operation(summary = "The deals of an event (all without event), latest first")
    List<DealView> deals(@RequestParam(required = false) String event) {
        return deals.deals(event == null || event.isBlank() ? null : event.trim());
    }

    @GetMapping("/public/deals/stats")
    @Operation(summary = "How many deals, for how much, how many with a party in the city, and how many of each form")
    DealStats stats(@RequestParam(required = false) String event) {
        return deals.stats(event == null || event.isBlank() ? null : event.trim());
    }

    @GetMapping("/public/deals/{id}")
    DealView deal(@PathVariable long id) {
        return deals.deal(id);
    }

    /** The refusal lists the missing approvals for programs besides naming them in its detail. */
    @ExceptionHandler(ApprovalsMissing.class)
    ResponseEntity<ProblemDetail> approvalsMissing(ApprovalsMissing ex) {
        ProblemDetail problem = problems.toProblem(ex);
        problem.setProperty("missing", ex.missing());
        return problems.respond(problem);
    }
}
