package org.civicdesk.matters.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.civicdesk.directory.Directory;
import org.civicdesk.directory.OrgSummary;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Role;
import org.civicdesk.shared.web.DeskCount;
import org.civicdesk.shared.web.DeskCounts;
import org.civicdesk.shared.web.NavEntries;
import org.civicdesk.shared.web.NavEntry;
import org.civicdesk.shared.web.NavGroup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The matters pages in the menus, and on the workbench what each role has waiting: a handler's cases to
 * sign, due soon and overdue; a supervisor's overdue cases by department and key matters; a raiser's own
 * matters in progress and invitations to co-sign.
 */
@Component
@Transactional(readOnly = true)
class MatterWorkbench implements NavEntries, DeskCounts {

    /** The departments with the most overdue cases that the workbench names one by one. */
    private static final int DEPARTMENTS_SHOWN = 5;

    private final JdbcClient jdbc;
    private final Deadlines deadlines;
    private final Directory directory;
    private final CosignInvitations invitations;

    MatterWorkbench(JdbcClient jdbc, Deadlines deadlines, Directory directory, CosignInvitations invitations) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.directory = directory;
        this.invitations = invitations;
    }

    @Override
    public List<NavEntry> entries() {
        return List.of(
                NavEntry.everyone(NavGroup.PUBLIC, 10, "nav.answers", "/public/answers"),
                NavEntry.everyone(NavGroup.PUBLIC, 70, "nav.stats", "/public/stats"),
                NavEntry.everyone(NavGroup.PUBLIC, 125, "report.nav", "/public/appeals/new"),
                NavEntry.everyone(NavGroup.PUBLIC, 126, "track.nav", "/public/track"),
                NavEntry.forRoles(NavGroup.TASKS, 10, "nav.inbox", "/matters/inbox", Role.HANDLER),
                NavEntry.forRoles(NavGroup.TASKS, 20, "nav.myMatters", "/matters/mine", Role.RAISER),
                NavEntry.forRoles(NavGroup.TASKS, 30, "nav.raise", "/matters/new", Role.RAISER),
                NavEntry.forRoles(NavGroup.TASKS, 40, "nav.cosign", "/matters/cosign-invitations", Role.RAISER),
                NavEntry.forRoles(NavGroup.SUPERVISION, 10, "nav.board", "/matters/board", Role.SUPERVISOR,
                        Role.ADMIN),
                NavEntry.forRoles(NavGroup.SUPERVISION, 20, "nav.matters", "/matters", Role.SUPERVISOR, Role.ADMIN),
                NavEntry.forRoles(NavGroup.SUPERVISION, 30, "nav.register", "/matters/new", Role.SUPERVISOR,
                        Role.ADMIN),
                NavEntry.forRoles(NavGroup.SUPERVISION, 40, "nav.reports", "/reports/matters", Role.SUPERVISOR,
                        Role.ADMIN, Role.HANDLER),
                NavEntry.forRoles(NavGroup.SUPERVISION, 50, "nav.league", "/reports/departments", Role.SUPERVISOR,
                        Role.ADMIN));
    }

    @Override
    public List<DeskCount> countsFor(Actor actor) {
        List<DeskCount> counts = new ArrayList<>();
        LocalDate today = deadlines.today();
        if (actor.has(Role.HANDLER) && actor.orgCode() != null) {
            String org = actor.orgCode();
            counts.add(DeskCount.urgent(NavGroup.TASKS, 10, "matters.desk.toSign", jdbc.sql(
                    "SELECT COUNT(*) FROM handling_case WHERE org_code = :org AND status = :assigned")
                    .param("org", org).param("assigned", CaseStatus.ASSIGNED.name()).query(Long.class).single(),
                    "/matters/inbox"));
            counts.add(DeskCount.of(NavGroup.TASKS, 20, "matters.desk.dueSoon",
                    pending(org, today, today.plusDays(7)),
                    "/matters/inbox?due=soon"));
            counts.add(DeskCount.urgent(NavGroup.TASKS, 30, "matters.desk.overdue",
                    pending(org, null, today.minusDays(1)), "/matters/inbox?due=overdue"));
        }
        if (Matter.isStaff(actor)) {
            counts.add(DeskCount.urgent(NavGroup.SUPERVISION, 10, "matters.desk.overdue",
                    pending(null, null, today.minusDays(1)), "/matters/board#overdue"));
            jdbc.sql("SELECT org_code, SUM(cases) AS overdue FROM case_due_tally WHERE due_date < :today "
                    + "GROUP BY org_code HAVING SUM(cases) > 0 ORDER BY overdue DESC, org_code LIMIT :shown")
                    .param("today", today).param("shown", DEPARTMENTS_SHOWN)
                    .query((rs, n) -> new DeskCount(NavGroup.SUPERVISION, 20 + n, "matters.desk.overdueIn",
                            List.of(orgName(rs.getString("org_code"))), rs.getLong("overdue"),
                            "/matters/board#overdue", true))
                    .list().forEach(counts::add);
            counts.add(DeskCount.of(NavGroup.SUPERVISION, 40, "matters.desk.key", jdbc.sql(
                    "SELECT COUNT(*) FROM matter WHERE key_matter = TRUE AND status NOT IN ('CLOSED','REJECTED')")
                    .query(Long.class).single(), "/matters/board#keyMatters"));
        }
        if (actor.has(Role.RAISER)) {
            counts.add(DeskCount.of(NavGroup.TASKS, 40, "matters.desk.myOpen", jdbc.sql(
                    "SELECT COUNT(*) FROM matter WHERE raiser = :me AND status NOT IN ('CLOSED','REJECTED')")
                    .param("me", actor.username()).query(Long.class).single(), "/matters/mine"));
            counts.add(DeskCount.urgent(NavGroup.TASKS, 50, "matters.desk.invitations",
                    invitations.openCount(actor.username()), "/matters/cosign-invitations"));
        }
        return counts;
    }

    /**
     * Pending cases of a department (all, {@code org} null) due from {@code from} (any time, null) to
     * {@code until}, from the tallies kept per department and due date.
     */
    private long pending(String org, LocalDate from, LocalDate until) {
        StringBuilder sql = new StringBuilder("SELECT COALESCE(SUM(cases), 0) FROM case_due_tally WHERE due_date <= :until");
        Map<String, Object> params = new HashMap<>(Map.of("until", until));
        if (org != null) {
            sql.append(" AND org_code = :org");
            params.put("org", org);
        }
        if (from != null) {
            sql.append(" AND due_date >= :from");
            params.put("from", from);
        }
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    private String orgName(String code) {
        return directory.findOrg(code).map(OrgSummary::localName).orElse(code);
    }
}
