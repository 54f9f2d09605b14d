package org.civicdesk.matters.internal;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.civicdesk.matters.CaseId;
import org.civicdesk.matters.MatterId;
import org.civicdesk.matters.MatterStatus;
import org.civicdesk.matters.MatterType;
import org.civicdesk.matters.Matters;
import org.civicdesk.matters.internal.Views.Board;
import org.civicdesk.matters.internal.Views.CaseLine;
import org.civicdesk.matters.internal.Views.MatterSummary;
import org.civicdesk.matters.internal.Views.MatterView;
import org.civicdesk.matters.internal.Views.Page;
import org.civicdesk.matters.internal.Views.PublishedAnswer;
import org.civicdesk.matters.internal.Views.Stats;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Problems;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Matters", description = "Items raised, their cases, handling, answers, ratings and reports")
class MatterApiController {

    private static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final MatterCommands service;
    private final MatterQueries queries;
    private final MatterReports reports;
    private final MatterImport imports;

    MatterApiController(MatterCommands service, MatterQueries queries, MatterReports reports, MatterImport imports) {
        this.service = service;
        this.queries = queries;
        this.reports = reports;
        this.imports = imports;
    }

    record Created(long id, MatterStatus status) {
    }

    record AssignedCase(long id, String orgCode, String role, LocalDate dueDate) {
    }

    record Assignment(List<AssignedCase> cases) {
    }

    @PostMapping("/matters")
    @Operation(summary = "Raise a matter (a RAISER for itself, or a SUPERVISOR for the named raiser, which must be an "
            + "active RAISER account: otherwise 400 naming raiser); each of cosigners is invited and becomes a "
            + "co-signer only by accepting")
    ResponseEntity<Created> raise(@RequestBody Matters.Raise cmd) {
        MatterId id = service.raise(cmd);
        return ResponseEntity.created(URI.create("/api/v1/matters/" + id))
                .body(new Created(id.value(), MatterStatus.REGISTERED));
    }

    @GetMapping("/matters")
    @Operation(summary = "Matters the caller may see: staff all, raisers their own, handlers their organisation's")
    Page<MatterSummary> matters(@RequestParam(required = false) String series,
            @RequestParam(required = false) Long meetingId, @RequestParam(required = false) MatterStatus status, @RequestParam(required = false) MatterType type,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return queries.matters(series, meetingId, status, type, q, mine, Math.max(0, page), clamp(size));
    }

    @GetMapping("/matters/{id}")
    MatterView matter(@PathVariable long id) {
        return queries.matter(new MatterId(id));
    }

    @GetMapping("/matters/cosign-invitations")
    @Operation(summary = "附议邀请: the caller's open invitations to co-sign a matter (RAISER accounts only)")
    List<CosignInvitations.Invitation> cosignInvitations() {
        return service.cosignInvitations();
    }

    @PostMapping("/matters/{id}/cosign")
    @Operation(summary = "Accept an invitation to co-sign: the caller (a RAISER) then reads the matter, gets its answer "
            + "and may rate it; 404 without an invitation")
    MatterView cosign(@PathVariable long id) {
        service.acceptCosigning(new MatterId(id));
        return queries.matter(new MatterId(id));
    }

    @PostMapping("/matters/{id}/cosign/decline")
    @Operation(summary = "Decline an invitation to co-sign; 404 without an invitation")
    ResponseEntity<Void> declineCosigning(@PathVariable long id) {
        service.declineCosigning(new MatterId(id));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/matters/{id}/assignments")
    @Operation(summary = "交办: assign to a lead and co-handlers, or to departments answering separately")
    ResponseEntity<Assignment> assign(@PathVariable long id, @RequestBody Matters.Assign cmd) {
        List<CaseId> cases = service.assign(new MatterId(id), cmd);
        MatterView matter = queries.matter(new MatterId(id));
        return ResponseEntity.status(201).body(new Assignment(cases.stream()
                .map(c -> matter.cases().stream().filter(v -> v.id() == c.value()).findFirst().orElseThrow())
                .map(v -> new AssignedCase(v.id(), v.orgCode(), v.role(), v.dueDate())).toList()));
    }

    @PostMapping("/matters/{id}/evaluation")
    @Operation(summary = "评价: the raiser rates the answer")
    MatterView evaluate(@PathVariable long id, @RequestBody Matters.Evaluation cmd) {
        service.rate(new MatterId(id), cmd);
        return queries.matter(new MatterId(id));
    }

    @PostMapping("/matters/{id}/acceptance")
    @Operation(summary = "立案: accept a proposal for handling")
    MatterView accept(@PathVariable long id) {
        service.accept(new MatterId(id));
        return queries.matter(new MatterId(id));
    }

    @PostMapping("/matters/{id}/rejection")
    @Operation(summary = "不立案/不予受理: refuse a matter, with the reason")
    MatterView reject(@PathVariable long id, @RequestBody Matters.Reason cmd) {
        service.reject(new MatterId(id), cmd);
        return queries.matter(new MatterId(id));
    }

    @PostMapping("/matters/{id}/merge")
    @Operation(summary = "并案: merge into an identical matter; its raiser becomes a co-signer there")
    MatterView merge(@PathVariable long id, @RequestBody Matters.Merge cmd) {
        service.merge(new MatterId(id), cmd);
        return queries.matter(new MatterId(id));
    }

    @PostMapping("/matters/{id}/close")
    @Operation(summary = "销号: close an answered matter left unrated past the configured wait")
    MatterView close(@PathVariable long id) {
        service.closeUnrated(new MatterId(id));
        return queries.matter(new MatterId(id));
    }

    @PostMapping("/matters/{id}/supervision")
    @Operation(summary = "重点督办: mark or unmark a key matter and name its supervising leader")
    MatterView supervise(@PathVariable long id, @RequestBody Matters.Supervise cmd) {
        service.supervise(new MatterId(id), cmd);
        return queries.matter(new MatterId(id));
    }

    /** What GET /cases answers, for the API description (the body itself is written once and kept). */
    record CaseLinePage(List<CaseLine> items, long total) {
    }

    @GetMapping("/cases")
    @Operation(summary = "A department's inbox: cases that still owe work, most urgent first (due=overdue|soon)",
            responses = @ApiResponse(responseCode = "200",
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = CaseLinePage.class))))
    ResponseEntity<byte[]> inbox(@RequestParam(required = false) String org, @RequestParam(required = false) String due,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return json(queries.inbox(org, due, Math.max(0, page), clamp(size)).json());
    }

    @PostMapping("/cases/{id}/sign")
    @Operation(summary = "签收: the department signs for the case")
    MatterView sign(@PathVariable long id) {
        service.sign(new CaseId(id));
        return viewOfCase(id);
    }

    @PostMapping("/cases/{id}/return")
    @Operation(summary = "退回: return a wrongly assigned case, within the return window")
    MatterView returnCase(@PathVariable long id, @RequestBody Matters.Reason cmd) {
        service.giveBack(new CaseId(id), cmd);
        return viewOfCase(id);
    }

    @PostMapping("/cases/{id}/reassign")
    @Operation(summary = "Give a returned case to another department")
    MatterView reassign(@PathVariable long id, @RequestBody Matters.Reassign cmd) {
        service.reassign(new CaseId(id), cmd);
        return viewOfCase(id);
    }

    @PostMapping("/cases/{id}/extension")
    @Operation(summary = "Ask for a later due date, with a reason")
    MatterView requestExtension(@PathVariable long id, @RequestBody Matters.Extension cmd) {
        service.requestExtension(new CaseId(id), cmd);
        return viewOfCase(id);
    }

    @PostMapping("/cases/{id}/extension/decision")
    @Operation(summary = "A supervisor grants or refuses the extension asked for")
    MatterView decideExtension(@PathVariable long id, @RequestBody Matters.Decision cmd) {
        service.decideExtension(new CaseId(id), cmd);
        return viewOfCase(id);
    }

    @PostMapping("/cases/{id}/contacts")
    @Operation(summary = "沟通/面商: log a contact with the raiser")
    MatterView contact(@PathVariable long id, @RequestBody Matters.Contact cmd) {
        service.contact(new CaseId(id), cmd);
        return viewOfCase(id);
    }

    @PostMapping("/cases/{id}/opinion")
    @Operation(summary = "A co-handler sends its opinion to the lead")
    MatterView opinion(@PathVariable long id, @RequestBody Matters.Text cmd) {
        service.sendOpinion(new CaseId(id), cmd);
        return viewOfCase(id);
    }

    @PostMapping("/cases/{id}/answer")
    @Operation(summary = "答复: the lead answers with a category A, B or C")
    MatterView answer(@PathVariable long id, @RequestBody Matters.Answer cmd) {
        service.answer(new CaseId(id), cmd);
        return viewOfCase(id);
    }

    @PostMapping("/cases/{id}/follow-up")
    @Operation(summary = "跟踪办理: a further report on a matter answered B")
    MatterView followUp(@PathVariable long id, @RequestBody Matters.FollowUp cmd) {
        service.followUp(new CaseId(id), cmd);
        return viewOfCase(id);
    }

    @PostMapping("/cases/{id}/reminders")
    @Operation(summary = "催办: a supervisor chases the department up")
    MatterView remind(@PathVariable long id, @RequestBody(required = false) Matters.Text cmd) {
        service.remind(new CaseId(id), cmd == null ? new Matters.Text(null) : cmd);
        return viewOfCase(id);
    }

    @GetMapping("/supervision/board")
    @Operation(summary = "督办看板: overdue, due soon, re-handling, returned, extension requests, unsatisfied, key "
            + "(the most urgent 20 of each unless limit asks for more, up to 500)",
            responses = @ApiResponse(responseCode = "200",
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = Board.class))))
    ResponseEntity<byte[]> board(@RequestParam(defaultValue = "20") int limit) {
        return json(queries.board(clamp(limit)).json());
    }

    /** A body of JSON written once for a read that MatterReads keeps. */
    private static ResponseEntity<byte[]> json(byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @GetMapping("/public/stats/matters")
    @Operation(summary = "Public figures of a series, or of all matters")
    Stats stats(@RequestParam(required = false) String series) {
        return queries.stats(series == null || series.isBlank() ? null : series);
    }

    @GetMapping("/public/answers")
    @Operation(summary = "Published answers, contact details removed")
    Page<PublishedAnswer> published(@RequestParam(required = false) String series,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return queries.published(series, q, Math.max(0, page), clamp(size));
    }

    @GetMapping("/reports/matters")
    @Operation(summary = "办理情况: per department, type, series or month (groupBy=ORG|TYPE|SERIES|MONTH)")
    MatterReports.Report report(@RequestParam(required = false) String groupBy,
            @RequestParam(required = false) String series, @RequestParam(required = false) String type,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        return reports.report(groupBy, series, type, from, to);
    }

    @GetMapping("/reports/matters.xlsx")
    @Operation(summary = "The same report as an Excel workbook")
    ResponseEntity<byte[]> reportExcel(@RequestParam(required = false) String groupBy,
            @RequestParam(required = false) String series, @RequestParam(required = false) String type,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        byte[] body = reports.excel(reports.report(groupBy, series, type, from, to),
                LocaleContextHolder.getLocale());
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"matters-report.xlsx\"").body(body);
    }

    @PostMapping(path = "/matters/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a batch of matters from Excel; nothing is imported if any row is bad")
    MatterImport.Report importMatters(@RequestPart("file") MultipartFile file) throws IOException {
        requireStaff();
        return imports.importWorkbook(file.getInputStream());
    }

    @GetMapping("/matters/import/template")
    @Operation(summary = "The Excel template for importing matters")
    ResponseEntity<byte[]> importTemplate() {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"matters-template.xlsx\"")
                .body(imports.template());
    }

    private static void requireStaff() {
        if (!Matter.isStaff(Actor.require())) {
            throw Problems.forbidden();
        }
    }

    private MatterView viewOfCase(long caseId) {
        return queries.matter(queries.matterOf(new CaseId(caseId)));
    }

    private static int clamp(int size) {
        return Math.max(1, Math.min(size, 500));
    }

}
