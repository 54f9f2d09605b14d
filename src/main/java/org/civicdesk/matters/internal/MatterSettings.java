package org.civicdesk.matters.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.civicdesk.audit.AuditTrail;
import org.civicdesk.matters.MatterId;
import org.civicdesk.matters.MatterType;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Attachments;
import org.civicdesk.shared.Attachments.Attachment;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.Problems;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Time limits and fixed deadlines that a jurisdiction sets, and the files attached to matters. */
@RestController
@RequestMapping("/api/v1/matters")
@Tag(name = "Matters")
class MatterSettings {

    private final JdbcClient jdbc;
    private final Deadlines deadlines;
    private final MatterQueries queries;
    private final MatterCommands commands;
    private final AuditTrail audit;
    private final Attachments attachments;

    MatterSettings(JdbcClient jdbc, Deadlines deadlines, MatterQueries queries, MatterCommands commands,
            AuditTrail audit, Attachments attachments) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.queries = queries;
        this.commands = commands;
        this.audit = audit;
        this.attachments = attachments;
    }

    record TimeLimitCommand(String unit, Integer leadAmount, Integer coAmount, Integer urgentDays,
            Integer rehandleAmount, Integer maxTotalAmount, Integer returnWindowDays, Integer closeUnratedDays) {
    }

    record SeriesDeadline(String series, LocalDate dueDate) {
    }

    @GetMapping("/time-limits")
    @Operation(summary = "办理时限: each type's time limits")
    List<TimeLimit> timeLimits() {
        return java.util.Arrays.stream(MatterType.values()).map(deadlines::limit).toList();
    }

    @PutMapping("/time-limits/{type}")
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    @Operation(summary = "Change a type's time limits (unit WORKING_DAYS or MONTHS)")
    TimeLimit setTimeLimit(@PathVariable MatterType type, @RequestBody TimeLimitCommand cmd) {
        Checks checks = new Checks();
        checks.required("unit", cmd.unit()).check(cmd.unit() == null || List.of("WORKING_DAYS", "MONTHS")
                .contains(cmd.unit()), "unit", "validation.oneOf", "WORKING_DAYS, MONTHS");
        Map<String, Integer> amounts = new java.util.LinkedHashMap<>();
        amounts.put("leadAmount", cmd.leadAmount());
        amounts.put("coAmount", cmd.coAmount());
        amounts.put("urgentDays", cmd.urgentDays());
        amounts.put("rehandleAmount", cmd.rehandleAmount());
        amounts.put("maxTotalAmount", cmd.maxTotalAmount());
        amounts.put("returnWindowDays", cmd.returnWindowDays());
        amounts.put("closeUnratedDays", cmd.closeUnratedDays());
        amounts.forEach((field, value) -> checks.required(field, value)
                .check(value == null || (value >= 0 && value <= 1000), field, "validation.range", 0, 1000));
        if (cmd.leadAmount() != null && cmd.maxTotalAmount() != null) {
            checks.check(cmd.maxTotalAmount() >= cmd.leadAmount(), "maxTotalAmount", "validation.atLeastLead");
        }
        checks.throwIfAny();
        TimeLimit before = deadlines.limit(type);
        jdbc.sql("""
                UPDATE time_limit SET unit = :unit, lead_amount = :lead, co_amount = :co, urgent_days = :urgent,
                       rehandle_amount = :rehandle, max_total_amount = :max, return_window_days = :window,
                       close_unrated_days = :close WHERE matter_type = :type""")
                .param("unit", cmd.unit()).param("lead", cmd.leadAmount()).param("co", cmd.coAmount())
                .param("urgent", cmd.urgentDays()).param("rehandle", cmd.rehandleAmount())
                .param("max", cmd.maxTotalAmount()).param("window", cmd.returnWindowDays())
                .param("close", cmd.closeUnratedDays()).param("type", type.name()).update();
        TimeLimit after = deadlines.limit(type);
        audit.record("matters.timeLimitChanged", "time_limit", type.name(), before, after);
        return after;
    }

    @PutMapping("/series-deadlines/{series}")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    @Operation(summary = "Ask every answer of a series by one date (e.g. all session suggestions by 30 June)")
    SeriesDeadline setSeriesDeadline(@PathVariable String series, @RequestBody SeriesDeadline cmd) {
        commands.setSeriesDeadline(series, cmd.dueDate());
        return new SeriesDeadline(series, cmd.dueDate());
    }

    @DeleteMapping("/series-deadlines/{series}")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    @Transactional
    ResponseEntity<Void> removeSeriesDeadline(@PathVariable String series) {
        LocalDate before = deadlines.seriesDeadline(series).orElseThrow(() -> Problems.notFound("series deadline",
                series));
        jdbc.sql("DELETE FROM series_deadline WHERE series_slug = :s").param("s", series).update();
        audit.record("matters.seriesDeadlineRemoved", "series_deadline", series, Map.of("dueDate", before), null);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Transactional
    @Operation(summary = "Attach a file (PDF, image, Word, Excel or text; at most 10 MB) to a matter")
    ResponseEntity<Attachment> attach(@PathVariable long id, @RequestPart("file") MultipartFile file) {
        Actor actor = Actor.require();
        Views.MatterView matter = queries.matter(new MatterId(id));
        if (!matter.raiser().equals(actor.username()) && !Matter.isStaff(actor)) {
            throw Problems.forbidden();
        }
        Attachment attachment = attachments.attach(files(id), file);
        audit.record("matter.attached", "matter", Long.toString(id), null, attachment);
        return ResponseEntity.created(URI.create("/api/v1/matters/" + id + "/attachments/" + attachment.id()))
                .body(attachment);
    }

    @GetMapping("/{id}/attachments")
    List<Attachment> attachments(@PathVariable long id) {
        queries.matter(new MatterId(id));
        return attachments.list(files(id));
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
        queries.matter(new MatterId(id));
        return attachments.download(files(id), attachmentId);
    }

    private static Attachments.Owner files(long matterId) {
        return Attachments.Owner.of("matter_attachment", "matter_id", matterId);
    }
}
