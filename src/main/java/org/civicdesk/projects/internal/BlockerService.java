package org.civicdesk.projects.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.civicdesk.audit.AuditTrail;
import org.civicdesk.calendar.WorkingCalendar;
import org.civicdesk.directory.Directory;
import org.civicdesk.directory.OrgSummary;
import org.civicdesk.projects.BlockerCommand;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.CitySettings;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps what holds projects up (卡点): a supervisor raises a blocker with the department that must clear
 * it and a due date in working days on the official calendar; that department's handlers (or a
 * supervisor) clear it. A blocker past its due date shows as overdue on the project's page, the
 * dispatch-meeting report and the supervision board (through {@link org.civicdesk.projects.OverdueBlockers}).
 */
@Service
@Transactional(readOnly = true)
class BlockerService {

    private static final int MAX_WORKING_DAYS = 250;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Directory directory;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final ZoneId zone;

    BlockerService(JdbcClient jdbc, AuditTrail audit, Directory directory, WorkingCalendar calendar, Clock clock,
            CitySettings city) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.directory = directory;
        this.calendar = calendar;
        this.clock = clock;
        this.zone = city.timeZone();
    }

    record BlockerView(long id, String project, String description, String org, String orgName, LocalDate raisedOn,
            LocalDate dueOn, LocalDate clearedOn, boolean overdue) {
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The project's blockers, open ones first, by due date. */
    List<BlockerView> blockers(String project) {
        return jdbc.sql("""
                SELECT k.*, p.code AS project_code FROM project_blocker k JOIN project p ON p.id = k.project_id
                WHERE p.code = :p ORDER BY CASE WHEN k.cleared_on IS NULL THEN 0 ELSE 1 END, k.due_on, k.id""")
                .param("p", project).query((rs, n) -> row(rs)).list();
    }

    /** The open blockers past their due date, of every project, by due date: what the dispatch meeting chases. */
    List<BlockerView> overdue() {
        return jdbc.sql("""
                SELECT k.*, p.code AS project_code FROM project_blocker k JOIN project p ON p.id = k.project_id
                WHERE k.cleared_on IS NULL AND k.due_on < :today ORDER BY k.due_on, k.id""")
                .param("today", today()).query((rs, n) -> row(rs)).list();
    }

    @Transactional
    BlockerView raise(String project, BlockerCommand cmd) {
        if (!ProjectService.mayManage(Actor.require())) {
            throw Problems.forbidden();
        }
        long projectId = jdbc.sql("SELECT id FROM project WHERE code = :c").param("c", project).query(Long.class)
                .optional().orElseThrow(() -> Problems.notFound("project", project));
        Checks checks = new Checks();
        checks.required("description", cmd.description()).maxLength("description", cmd.description(), 500);
        checks.required("org", cmd.org());
        checks.check(cmd.org() == null || cmd.org().isBlank() || directory.findOrg(cmd.org().trim()).isPresent(),
                "org", "validation.unknownOrg", cmd.org());
        checks.required("workingDays", cmd.workingDays());
        checks.check(cmd.workingDays() == null || (cmd.workingDays() >= 1 && cmd.workingDays() <= MAX_WORKING_DAYS),
                "workingDays", "projects.validation.workingDays", MAX_WORKING_DAYS);
        checks.throwIfAny();
        LocalDate today = today();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO project_blocker (project_id, description, org_code, raised_on, due_on, created_at)
                VALUES (:p, :d, :o, :raised, :due, :now)""")
                .param("p", projectId).param("d", cmd.description().trim()).param("o", cmd.org().trim())
                .param("raised", today).param("due", calendar.addWorkingDays(today, cmd.workingDays()))
                .param("now", OffsetDateTime.now(clock)).update(keys, "id");
        BlockerView raised = blocker(keys.getKey().longValue());
        audit.record("project.blockerRaised", "project", project, null, raised);
        return raised;
    }

    /** Clears an open blocker: a supervisor, or a handler of the department that must clear it. */
    @Transactional
    BlockerView clear(String project, long id) {
        BlockerView before = blocker(id);
        if (!before.project().equals(project)) {
            throw Problems.notFound("blocker", id);
        }
        Actor actor = Actor.require();
        if (!ProjectService.mayManage(actor) && !(actor.has(Role.HANDLER) && before.org().equals(actor.orgCode()))) {
            throw Problems.forbidden();
        }
        int cleared = jdbc.sql("UPDATE project_blocker SET cleared_on = :today WHERE id = :id AND cleared_on IS NULL")
                .param("today", today()).param("id", id).update();
        if (cleared == 0) {
            throw Problems.conflict(Problems.INVALID_TRANSITION, "projects.problem.blockerCleared", id);
        }
        BlockerView after = blocker(id);
        audit.record("project.blockerCleared", "project", project, before, after);
        return after;
    }

    private BlockerView blocker(long id) {
        return jdbc.sql("""
                SELECT k.*, p.code AS project_code FROM project_blocker k JOIN project p ON p.id = k.project_id
                WHERE k.id = :id""").param("id", id).query((rs, n) -> row(rs)).optional()
                .orElseThrow(() -> Problems.notFound("blocker", id));
    }

    private BlockerView row(ResultSet rs) throws SQLException {
        String org = rs.getString("org_code");
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        LocalDate cleared = rs.getObject("cleared_on", LocalDate.class);
        return new BlockerView(rs.getLong("id"), rs.getString("project_code"), rs.getString("description"), org,
                directory.findOrg(org).map(OrgSummary::localName).orElse(org), rs.getObject("raised_on", LocalDate.class),
                due, cleared, cleared == null && due.isBefore(today()));
    }
}
