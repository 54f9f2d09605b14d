package org.civicdesk.projects.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.civicdesk.audit.AuditTrail;
import org.civicdesk.directory.Directory;
import org.civicdesk.directory.OrgSummary;
import org.civicdesk.projects.ApprovalCommand;
import org.civicdesk.projects.BatchCommand;
import org.civicdesk.projects.BatchCommand.RequiredApproval;
import org.civicdesk.projects.ProjectCommand;
import org.civicdesk.projects.ProjectEvent;
import org.civicdesk.projects.StageCommand;
import org.civicdesk.projects.internal.Views.ApprovalView;
import org.civicdesk.projects.internal.Views.BatchView;
import org.civicdesk.projects.internal.Views.DepartmentProgress;
import org.civicdesk.projects.internal.Views.ProjectView;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the special-bond reserve: batches with their checklists, projects with their approvals and
 * stage. Supervisors and administrators record batches and projects and move projects on; the owner
 * organisation's handlers may also tick their own project's approvals. A project's stage only moves
 * forward, and from {@link Stage#DECLARED} on it holds every approval of its checklist: that is
 * checked here, in one place, whichever page or call asks.
 */
@Service
@Transactional(readOnly = true)
class ProjectService {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProjectService(JdbcClient jdbc, AuditTrail audit, Directory directory, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    // --- batches

    List<BatchView> batches() {
        return jdbc.sql("SELECT * FROM project_batch ORDER BY id").query((rs, n) -> batchRow(rs)).list();
    }

    Optional<BatchView> findBatch(String code) {
        return jdbc.sql("SELECT * FROM project_batch WHERE code = :c").param("c", code)
                .query((rs, n) -> batchRow(rs)).optional();
    }

    BatchView batch(String code) {
        return findBatch(code).orElseThrow(() -> Problems.notFound("batch", code));
    }

    @Transactional
    BatchView createBatch(BatchCommand cmd) {
        requireSupervisor();
        Checks checks = new Checks();
        checks.required("code", cmd.code()).matches("code", cmd.code(), CODE, "validation.code");
        checks.required("name", cmd.name()).maxLength("name", cmd.name(), 200);
        ReviewStatus review = checks.oneOf("reviewStatus", cmd.reviewStatus(), ReviewStatus.class);
        checks.maxLength("reviewedBy", cmd.reviewedBy(), 200);
        List<RequiredApproval> required = cmd.requiredApprovals() == null || cmd.requiredApprovals().isEmpty()
                ? ApprovalChecklist.ONE_DOCUMENT_THREE_PERMITS
                : cmd.requiredApprovals();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < required.size(); i++) {
            RequiredApproval a = required.get(i);
            String field = "requiredApprovals[" + i + "]";
            if (a == null) {
                checks.add(field, "validation.required");
                continue;
            }
            checks.required(field + ".code", a.code()).matches(field + ".code", a.code(), CODE, "validation.code");
            checks.required(field + ".name", a.name()).maxLength(field + ".name", a.name(), 200);
            checks.check(a.code() == null || seen.add(a.code().trim()), field + ".code",
                    "projects.validation.approvalTwice", a.code());
        }
        checks.throwIfAny();
        String code = cmd.code().trim();
        if (findBatch(code).isPresent()) {
            throw Problems.duplicate("code", code);
        }
        jdbc.sql("""
                INSERT INTO project_batch (code, name, review_status, reviewed_by, created_at)
                VALUES (:code, :name, :review, :by, :now)""")
                .param("code", code).param("name", cmd.name().trim())
                .param("review", (review == null ? ReviewStatus.DECLARING : review).name())
                .param("by", Amounts.blankToNull(cmd.reviewedBy())).param("now", OffsetDateTime.now(clock)).update();
        long id = jdbc.sql("SELECT id FROM project_batch WHERE code = :c").param("c", code).query(Long.class).single();
        for (int i = 0; i < required.size(); i++) {
            jdbc.sql("INSERT INTO project_batch_approval (batch_id, code, name, sort_order) VALUES (:b, :c, :n, :o)")
                    .param("b", id).param("c", required.get(i).code().trim()).param("n", required.get(i).name().trim())
                    .param("o", i).update();
        }
        BatchView created = batch(code);
        audit.record("projectBatch.created", "projectBatch", code, null, created);
        return created;
    }

    // --- projects

    /** The projects of a batch (all when it is null), by batch and code. */
    List<ProjectView> projects(String batch) {
        String sql = "SELECT p.*, b.code AS batch_code FROM project p JOIN project_batch b ON b.id = p.batch_id"
                + (batch == null ? "" : " WHERE b.code = :batch") + " ORDER BY b.id, p.example, p.code";
        var spec = jdbc.sql(sql);
        if (batch != null) {
            spec = spec.param("batch", batch);
        }
        return views(spec.query((rs, n) -> projectRow(rs)).list());
    }

    private List<ProjectView> views(List<ProjectRow> rows) {
        Map<Long, List<ApprovalView>> approvals = approvals(rows.stream().map(ProjectRow::id).toList());
        Map<String, String> orgNames = new LinkedHashMap<>();
        return rows.stream().map(r -> r.view(approvals.getOrDefault(r.id(), List.of()),
                orgNames.computeIfAbsent(r.ownerOrg(), this::orgName))).toList();
    }

    /**
     * What the reserve's board is narrowed to; each part left {@code null} asks for all.
     *
     * @param like a lower-case {@code LIKE} pattern the project's name, code or district matches
     */
    record ProjectFilter(String batch, Stage stage, String like) {

        private static final String FROM = """
                 FROM project p JOIN project_batch b ON b.id = p.batch_id
                 WHERE (CAST(:batch AS VARCHAR(64)) IS NULL OR b.code = :batch)
                  AND (CAST(:stage AS VARCHAR(32)) IS NULL OR p.stage = :stage)
                  AND (CAST(:like AS VARCHAR(300)) IS NULL OR LOWER(p.name) LIKE :like OR LOWER(p.code) LIKE :like
                       OR LOWER(p.district) LIKE :like)""";

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql) {
            return sql.param("batch", batch).param("stage", stage == null ? null : stage.name()).param("like", like);
        }
    }

    /**
     * The figures of the projects a filter keeps: how many there are in each stage, what they ask for,
     * and how many have every approval they need.
     */
    record BoardFigures(Map<Stage, Long> byStage, long projects, BigDecimal requested, long ready) {
    }

    /** A page of the projects a filter keeps, in the order they move through the stages. */
    List<ProjectView> projects(ProjectFilter filter, long offset, int limit) {
        StringBuilder byStage = new StringBuilder(" ORDER BY CASE p.stage");
        for (Stage s : Stage.values()) {
            byStage.append(" WHEN '").append(s.name()).append("' THEN ").append(s.ordinal());
        }
        byStage.append(" END, b.id, p.example, p.code LIMIT :limit OFFSET :offset");
        return views(filter.bind(jdbc.sql("SELECT p.*, b.code AS batch_code " + ProjectFilter.FROM + byStage))
                .param("limit", limit).param("offset", offset).query((rs, n) -> projectRow(rs)).list());
    }

    BoardFigures figures(ProjectFilter filter) {
        Map<Stage, Long> byStage = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            byStage.put(s, 0L);
        }
        filter.bind(jdbc.sql("SELECT p.stage, COUNT(*) AS n " + ProjectFilter.FROM + " GROUP BY p.stage"))
                .query((ResultSet rs) -> {
                    byStage.put(Stage.valueOf(rs.getString("stage")), rs.getLong("n"));
                });
        return filter.bind(jdbc.sql("""
                SELECT COUNT(*) AS n, COALESCE(SUM(p.amount_requested), 0) AS requested,
                       COUNT(CASE WHEN NOT EXISTS (SELECT 1 FROM project_approval a
                                                   WHERE a.project_id = p.id AND a.status <> 'OBTAINED') THEN 1 END) AS ready
                """ + ProjectFilter.FROM)).query((rs, n) -> new BoardFigures(byStage, rs.getLong("n"),
                        rs.getBigDecimal("requested"), rs.getLong("ready"))).single();
    }

    Optional<ProjectView> find(String code) {
        return jdbc.sql("""
                SELECT p.*, b.code AS batch_code FROM project p JOIN project_batch b ON b.id = p.batch_id
                WHERE p.code = :c""").param("c", code).query((rs, n) -> projectRow(rs)).optional()
                .map(r -> r.view(approvals(List.of(r.id())).getOrDefault(r.id(), List.of()), orgName(r.ownerOrg())));
    }

    ProjectView project(String code) {
        return find(code).orElseThrow(() -> Problems.notFound("project", code));
    }

    @Transactional
    ProjectView create(ProjectCommand cmd) {
        requireSupervisor();
        Checks checks = new Checks();
        checks.required("code", cmd.code()).matches("code", cmd.code(), CODE, "validation.code");
        checks.required("batch", cmd.batch());
        Optional<Long> batchId = cmd.batch() == null || cmd.batch().isBlank() ? Optional.empty()
                : jdbc.sql("SELECT id FROM project_batch WHERE code = :c").param("c", cmd.batch().trim())
                        .query(Long.class).optional();
        checks.check(cmd.batch() == null || cmd.batch().isBlank() || batchId.isPresent(), "batch",
                "projects.validation.unknownBatch", cmd.batch());
        checks.required("name", cmd.name()).maxLength("name", cmd.name(), 200);
        checks.required("ownerOrg", cmd.ownerOrg());
        checks.check(cmd.ownerOrg() == null || cmd.ownerOrg().isBlank()
                || directory.findOrg(cmd.ownerOrg().trim()).isPresent(), "ownerOrg", "validation.unknownOrg",
                cmd.ownerOrg());
        BigDecimal requested = Amounts.parse(checks, "amountRequested", cmd.amountRequested(), true);
        checks.maxLength("district", cmd.district(), 100);
        checks.throwIfAny();
        String code = cmd.code().trim();
        if (find(code).isPresent()) {
            throw Problems.duplicate("code", code);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                INSERT INTO project (code, batch_id, name, owner_org, district, amount_requested, stage, example,
                                     created_at, updated_at)
                VALUES (:code, :batch, :name, :owner, :district, :requested, :stage, :example, :now, :now)""")
                .param("code", code).param("batch", batchId.get()).param("name", cmd.name().trim())
                .param("owner", cmd.ownerOrg().trim()).param("district", Amounts.blankToNull(cmd.district()))
                .param("requested", requested).param("stage", Stage.PROPOSED.name())
                .param("example", Boolean.TRUE.equals(cmd.example())).param("now", now).update();
        jdbc.sql("""
                INSERT INTO project_approval (project_id, code, name, sort_order, status, updated_at)
                SELECT p.id, a.code, a.name, a.sort_order, 'MISSING', :now
                FROM project p JOIN project_batch_approval a ON a.batch_id = p.batch_id WHERE p.code = :code""")
                .param("now", now).param("code", code).update();
        ProjectView created = project(code);
        audit.record("project.created", "project", code, null, created);
        events.publishEvent(new ProjectEvent.Recorded(code));
        return created;
    }

    /**
     * Ticks (or unticks) a required approval. A project that is declared keeps its approvals: they may
     * be corrected (issuer, date, number) but not withdrawn.
     */
    @Transactional
    ProjectView recordApproval(String code, String approval, ApprovalCommand cmd) {
        ProjectView before = lock(code);
        if (!mayTick(Actor.require(), before)) {
            throw Problems.forbidden();
        }
        ApprovalView current = before.approvals().stream().filter(a -> a.code().equals(approval)).findFirst()
                .orElseThrow(() -> Problems.notFound("approval", approval));
        Checks checks = new Checks();
        checks.required("status", cmd.status());
        ApprovalStatus status = checks.oneOf("status", cmd.status(), ApprovalStatus.class);
        checks.maxLength("issuer", cmd.issuer(), 200).maxLength("documentNo", cmd.documentNo(), 100);
        LocalDate issuedOn = Amounts.date(checks, "issuedOn", cmd.issuedOn(), false);
        checks.throwIfAny();
        if (status == ApprovalStatus.MISSING && before.stage().needsApprovals()) {
            throw Problems.conflict(Problems.INVALID_TRANSITION, "projects.problem.declaredKeepsApprovals",
                    approval, before.stage());
        }
        boolean obtained = status == ApprovalStatus.OBTAINED;
        jdbc.sql("""
                UPDATE project_approval SET status = :status, issuer = :issuer, issued_on = :issuedOn,
                       document_no = :documentNo, updated_at = :now
                WHERE project_id = (SELECT id FROM project WHERE code = :project) AND code = :code""")
                .param("status", status.name()).param("issuer", obtained ? Amounts.blankToNull(cmd.issuer()) : null)
                .param("issuedOn", obtained ? issuedOn : null)
                .param("documentNo", obtained ? Amounts.blankToNull(cmd.documentNo()) : null)
                .param("now", OffsetDateTime.now(clock)).param("project", code).param("code", approval).update();
        touch(code);
        ProjectView after = project(code);
        audit.record("project.approvalRecorded", "project", code, current,
                after.approvals().stream().filter(a -> a.code().equals(approval)).findFirst().orElseThrow());
        events.publishEvent(new ProjectEvent.ApprovalChanged(code, approval, status.name()));
        return after;
    }

    @Transactional
    ProjectView moveStage(String code, StageCommand cmd) {
        requireSupervisor();
        ProjectView before = lock(code);
        Checks checks = new Checks();
        checks.required("stage", cmd.stage());
        Stage stage = checks.oneOf("stage", cmd.stage(), Stage.class);
        BigDecimal granted = Amounts.parse(checks, "amountGranted", cmd.amountGranted(), false);
        checks.throwIfAny();
        if (stage.compareTo(before.stage()) <= 0) {
            throw Problems.conflict(Problems.INVALID_TRANSITION, "projects.problem.stageBackward", stage,
                    before.stage());
        }
        List<String> missing = before.missing();
        if (stage.needsApprovals() && !missing.isEmpty()) {
            throw new ApprovalsMissing(missing);
        }
        jdbc.sql("""
                UPDATE project SET stage = :stage, amount_granted = COALESCE(CAST(:granted AS NUMERIC(16,2)), amount_granted),
                       version = version + 1, updated_at = :now
                WHERE code = :code""")
                .param("stage", stage.name()).param("granted", granted).param("now", OffsetDateTime.now(clock))
                .param("code", code).update();
        ProjectView after = project(code);
        audit.record("project.stageChanged", "project", code, before, after);
        events.publishEvent(new ProjectEvent.StageChanged(code, before.stage().name(), stage.name()));
        return after;
    }

    /** Whether the account may tick the project's approvals: ADMIN, SUPERVISOR, or a HANDLER of its owner. */
    static boolean mayTick(Actor actor, ProjectView project) {
        return mayManage(actor) || (actor.has(Role.HANDLER) && project.ownerOrg().equals(actor.orgCode()));
    }

    static boolean mayManage(Actor actor) {
        return actor.has(Role.ADMIN) || actor.has(Role.SUPERVISOR);
    }

    /** The dispatch-meeting report: each owner department's projects of the batch by stage and their paperwork. */
    List<DepartmentProgress> progress(String batch) {
        batch(batch);
        Map<String, List<ProjectView>> byOwner = new LinkedHashMap<>();
        for (ProjectView p : projects(batch)) {
            byOwner.computeIfAbsent(p.ownerOrg(), o -> new ArrayList<>()).add(p);
        }
        List<DepartmentProgress> lines = new ArrayList<>();
        byOwner.forEach((owner, list) -> {
            Map<Stage, Long> byStage = new EnumMap<>(Stage.class);
            for (Stage s : Stage.values()) {
                byStage.put(s, list.stream().filter(p -> p.stage() == s).count());
            }
            BigDecimal requested = list.stream().map(p -> new BigDecimal(p.amountRequested()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            lines.add(new DepartmentProgress(owner, list.get(0).ownerOrgName(), byStage, list.size(),
                    list.stream().mapToLong(ProjectView::approvalsObtained).sum(),
                    list.stream().mapToLong(ProjectView::approvalsRequired).sum(), Amounts.format(requested)));
        });
        return lines;
    }

    private static void requireSupervisor() {
        if (!mayManage(Actor.require())) {
            throw Problems.forbidden();
        }
    }

    /** Locks the project's row until the transaction ends, so its approvals and stage change one at a time. */
    private ProjectView lock(String code) {
        jdbc.sql("SELECT id FROM project WHERE code = :c FOR UPDATE").param("c", code).query(Long.class).optional()
                .orElseThrow(() -> Problems.notFound("project", code));
        return project(code);
    }

    private void touch(String code) {
        jdbc.sql("UPDATE project SET version = version + 1, updated_at = :now WHERE code = :c")
                .param("now", OffsetDateTime.now(clock)).param("c", code).update();
    }

    private String orgName(String code) {
        return directory.findOrg(code).map(OrgSummary::localName).orElse(code);
    }

    private BatchView batchRow(ResultSet rs) throws SQLException {
        List<RequiredApproval> required = jdbc.sql(
                "SELECT code, name FROM project_batch_approval WHERE batch_id = :b ORDER BY sort_order")
                .param("b", rs.getLong("id"))
                .query((r, n) -> new RequiredApproval(r.getString("code"), r.getString("name"))).list();
        return new BatchView(rs.getString("code"), rs.getString("name"),
                ReviewStatus.valueOf(rs.getString("review_status")), rs.getString("reviewed_by"), required);
    }

    private Map<Long, List<ApprovalView>> approvals(List<Long> projectIds) {
        Map<Long, List<ApprovalView>> byProject = new LinkedHashMap<>();
        if (projectIds.isEmpty()) {
            return byProject;
        }
        jdbc.sql("SELECT * FROM project_approval WHERE project_id IN (:ids) ORDER BY project_id, sort_order")
                .param("ids", projectIds).query((rs, n) -> {
                    byProject.computeIfAbsent(rs.getLong("project_id"), id -> new ArrayList<>())
                            .add(new ApprovalView(rs.getString("code"), rs.getString("name"),
                                    ApprovalStatus.valueOf(rs.getString("status")), rs.getString("issuer"),
                                    rs.getObject("issued_on", LocalDate.class), rs.getString("document_no")));
                    return null;
                }).list();
        return byProject;
    }

    private record ProjectRow(long id, String code, String batch, String name, String ownerOrg, String district,
            BigDecimal requested, BigDecimal granted, Stage stage, boolean example) {

        ProjectView view(List<ApprovalView> approvals, String ownerOrgName) {
            int obtained = (int) approvals.stream().filter(ApprovalView::obtained).count();
            return new ProjectView(code, batch, name, ownerOrg, ownerOrgName, district, Amounts.format(requested),
                    Amounts.format(granted), stage, example, approvals, obtained, approvals.size());
        }
    }

    private static ProjectRow projectRow(ResultSet rs) throws SQLException {
        return new ProjectRow(rs.getLong("id"), rs.getString("code"), rs.getString("batch_code"), rs.getString("name"),
                rs.getString("owner_org"), rs.getString("district"), rs.getBigDecimal("amount_requested"),
                rs.getBigDecimal("amount_granted"), Stage.valueOf(rs.getString("stage")), rs.getBoolean("example"));
    }
}
