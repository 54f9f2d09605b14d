package org.civicdesk.matters.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civicdesk.audit.AuditTrail;
import org.civicdesk.matters.MatterId;
import org.civicdesk.matters.MatterType;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.Problems;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
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

    static final long MAX_ATTACHMENT = 10L * 1024 * 1024;
    private static final Set<String> ALLOWED_TYPES = Set.of("application/pdf", "image/jpeg", "image/png",
            "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "text/plain");

    private final JdbcClient jdbc;
    private final Deadlines deadlines;
    private final MatterQueries queries;
    private final MatterCommands commands;
    private final AuditTrail audit;
    private final Clock clock;

    MatterSettings(JdbcClient jdbc, Deadlines deadlines, MatterQueries queries, MatterCommands commands,
            AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.queries = queries;
        this.commands = commands;
        this.audit = audit;
        this.clock = clock;
    }

    record TimeLimitCommand(String unit, Integer leadAmount, Integer coAmount, Integer urgentDays,
            Integer rehandleAmount, Integer maxTotalAmount, Integer returnWindowDays, Integer closeUnratedDays) {
    }

    record SeriesDeadline(String series, LocalDate dueDate) {
    }

    record Attachment(long id, String filename, String contentType, long sizeBytes, String sha256, String uploadedBy,
            OffsetDateTime uploadedAt) {
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
    ResponseEntity<Attachment> attach(@PathVariable long id, @RequestPart("file") MultipartFile file)
            throws IOException {
        Actor actor = Actor.require();
        Views.MatterView matter = queries.matter(new MatterId(id));
        if (!matter.raiser().equals(actor.username()) && !Matter.isStaff(actor)) {
            throw Problems.forbidden();
        }
        String type = file.getContentType() == null ? "" : file.getContentType();
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "attachment"
                : file.getOriginalFilename();
        Checks checks = new Checks();
        checks.check(!file.isEmpty(), "file", "validation.required");
        checks.check(file.getSize() <= MAX_ATTACHMENT, "file", "validation.fileTooLarge", MAX_ATTACHMENT / 1024 / 1024);
        checks.check(ALLOWED_TYPES.contains(type), "file", "validation.fileType");
        checks.maxLength("file", name, 255).throwIfAny();
        byte[] data = file.getBytes();
        String sha = sha256(data);
        OffsetDateTime now = OffsetDateTime.now(clock);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO matter_attachment (matter_id, filename, content_type, size_bytes, sha256, data, uploaded_by,
                                               uploaded_at)
                VALUES (:m, :name, :type, :size, :sha, :data, :by, :at)""")
                .param("m", id).param("name", name).param("type", type).param("size", (long) data.length)
                .param("sha", sha).param("data", data).param("by", actor.username()).param("at", now)
                .update(keys, "id");
        long aid = keys.getKey().longValue();
        Attachment attachment = new Attachment(aid, name, type, data.length, sha, actor.username(), now);
        audit.record("matter.attached", "matter", Long.toString(id), null, attachment);
        return ResponseEntity.created(URI.create("/api/v1/matters/" + id + "/attachments/" + aid)).body(attachment);
    }

    @GetMapping("/{id}/attachments")
    List<Attachment> attachments(@PathVariable long id) {
        queries.matter(new MatterId(id));
        return jdbc.sql("SELECT id, filename, content_type, size_bytes, sha256, uploaded_by, uploaded_at "
                + "FROM matter_attachment WHERE matter_id = :m ORDER BY id").param("m", id)
                .query((rs, n) -> new Attachment(rs.getLong("id"), rs.getString("filename"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                        rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class)))
                .list();
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
        queries.matter(new MatterId(id));
        return jdbc.sql("SELECT filename, content_type, data FROM matter_attachment WHERE id = :a AND matter_id = :m")
                .param("a", attachmentId).param("m", id)
                .query((rs, n) -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(rs.getString("content_type")))
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename(rs.getString("filename"), StandardCharsets.UTF_8).build().toString())
                        .header("X-Content-Type-Options", "nosniff")
                        .body(rs.getBytes("data")))
                .optional().orElseThrow(() -> Problems.notFound("attachment", attachmentId));
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
