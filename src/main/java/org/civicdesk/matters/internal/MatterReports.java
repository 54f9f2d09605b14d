package org.civicdesk.matters.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.civicdesk.calendar.WorkingCalendar;
import org.civicdesk.directory.Directory;
import org.civicdesk.directory.OrgSummary;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.Role;
import org.civicdesk.shared.Workbooks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 办理情况统计 — the handling report per department, type, series or month: the rates that
 * congress and CPPCC offices and 12345 centres publish (办复率, 按时办结率, 见面率, 满意率, 发回重办率).
 */
@Service
@Transactional(readOnly = true)
class MatterReports {

    enum GroupBy {
        ORG, TYPE, SERIES, MONTH
    }

    /** One line of the report; rates are percentages with one decimal, null where nothing was counted. */
    record Line(String key, String label, long items, long cases, long signedOnTime, long answered,
            long answeredOnTime, long closed, long inProgress, long overdue, long contactedBeforeAnswer,
            long rated, long satisfied, long unsatisfied, long rehandled, long categoryA, long categoryB,
            long categoryC, BigDecimal onTimeRate, BigDecimal contactRate, BigDecimal satisfactionRate,
            BigDecimal reworkRate) {
    }

    record Report(GroupBy groupBy, String series, String type, String org, LocalDate from, LocalDate to,
            LocalDate asOf, List<Line> lines, Line total) {
    }

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final Deadlines deadlines;
    private final Directory directory;
    private final ReportText text;
    private final int signWithin;

    MatterReports(JdbcClient jdbc, WorkingCalendar calendar, Deadlines deadlines, Directory directory,
            ReportText text, MattersSettings settings) {
        this.text = text;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.directory = directory;
        this.signWithin = settings.signWithinWorkingDays();
    }

    Report report(String groupBy, String series, String type, LocalDate from, LocalDate to) {
        return report(groupBy, series, type, null, from, to);
    }

    /**
     * The report, of one department's cases when {@code org} is given. Supervisors and admins see any
     * department; a department's handler sees only its own, so it must name it.
     */
    Report report(String groupBy, String series, String type, String org, LocalDate from, LocalDate to) {
        Actor actor = Actor.require();
        if (!mayRead(actor, org)) {
            throw Problems.forbidden();
        }
        Checks checks = new Checks();
        GroupBy by = groupBy == null ? GroupBy.ORG : checks.oneOf("groupBy", groupBy, GroupBy.class);
        checks.oneOf("type", type, org.civicdesk.matters.MatterType.class);
        checks.check(from == null || to == null || !to.isBefore(from), "to", "validation.toBeforeFrom");
        checks.throwIfAny();
        StringBuilder where = new StringBuilder(" WHERE c.status <> 'RETURNED'");
        Map<String, Object> params = new LinkedHashMap<>();
        if (series != null && !series.isBlank()) {
            where.append(" AND m.series_slug = :series");
            params.put("series", series);
        }
        if (type != null && !type.isBlank()) {
            where.append(" AND m.type = :type");
            params.put("type", type);
        }
        if (org != null && !org.isBlank()) {
            where.append(" AND c.org_code = :org");
            params.put("org", org);
        }
        if (from != null) {
            where.append(" AND c.assigned_on >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" AND c.assigned_on <= :to");
            params.put("to", to);
        }
        LocalDate today = deadlines.today();
        Map<String, Acc> groups = new TreeMap<>();
        Acc total = new Acc();
        jdbc.sql("""
                SELECT c.org_code, c.role, c.status, c.assigned_on, c.due_date, c.signed_at, c.answered_at,
                       c.contacted, c.category, m.id AS matter_id, m.type, m.series_slug, m.status AS matter_status,
                       m.rating, m.rehandled
                FROM handling_case c JOIN matter m ON m.id = c.matter_id""" + where + " ORDER BY m.id, c.id")
                .params(params)
                .query(rs -> {
                    LocalDate assignedOn = rs.getDate("assigned_on").toLocalDate();
                    String key = switch (by) {
                        case ORG -> rs.getString("org_code");
                        case TYPE -> rs.getString("type");
                        case SERIES -> rs.getString("series_slug") == null ? "-" : rs.getString("series_slug");
                        case MONTH -> assignedOn.toString().substring(0, 7);
                    };
                    CaseFacts f = new CaseFacts(rs.getLong("matter_id"), rs.getString("role"), rs.getString("status"),
                            assignedOn, rs.getDate("due_date").toLocalDate(),
                            rs.getObject("signed_at", OffsetDateTime.class),
                            rs.getObject("answered_at", OffsetDateTime.class), rs.getBoolean("contacted"),
                            rs.getString("category"), rs.getString("matter_status"), rs.getString("rating"),
                            rs.getBoolean("rehandled"));
                    groups.computeIfAbsent(key, k -> new Acc()).add(f, today);
                    total.add(f, today);
                });
        List<Line> lines = groups.entrySet().stream().map(e -> e.getValue().line(e.getKey(), label(by, e.getKey())))
                .toList();
        return new Report(by, series, type, org == null || org.isBlank() ? null : org, from, to, today, lines,
                total.line("", "合计 Total"));
    }

    /** The departments that have been assigned cases, by code. */
    List<String> departments() {
        return jdbc.sql("SELECT DISTINCT org_code FROM handling_case ORDER BY org_code").query(String.class).list();
    }

    /**
     * 排行: the departments' lines best first — by on-time rate, then satisfaction rate, then the number of
     * cases; a department with no answer yet has no rate and comes last.
     */
    static List<Line> league(Report report) {
        Comparator<BigDecimal> highFirst = Comparator.nullsLast(Comparator.reverseOrder());
        return report.lines().stream()
                .sorted(Comparator.comparing(Line::onTimeRate, highFirst)
                        .thenComparing(Line::satisfactionRate, highFirst)
                        .thenComparing(Comparator.comparingLong(Line::cases).reversed())
                        .thenComparing(Line::label))
                .toList();
    }

    static boolean mayRead(Actor actor, String org) {
        return Matter.isStaff(actor)
                || actor.has(Role.HANDLER) && actor.orgCode() != null && actor.orgCode().equals(org);
    }

    /**
     * The report as a workbook in one language, its reader's: a title row, a row naming the period and the
     * filters, then the header and a line per group, the total last.
     */
    byte[] excel(Report report, Locale locale) {
        List<Object[]> rows = new ArrayList<>();
        report.lines().forEach(line -> rows.add(values(line, text.label(report.groupBy(), line, locale))));
        rows.add(values(report.total(), text.total(locale)));
        return Workbooks.report(text.sheetName(locale), text.title(report, locale), text.period(report, locale),
                text.columns(locale), rows);
    }

    private static Object[] values(Line l, String label) {
        return new Object[] { l.key(), label, l.items(), l.cases(), l.signedOnTime(), l.answered(),
                l.answeredOnTime(), l.closed(), l.inProgress(), l.overdue(), l.contactedBeforeAnswer(), l.rated(),
                l.satisfied(), l.unsatisfied(), l.rehandled(), l.categoryA(), l.categoryB(), l.categoryC(),
                l.onTimeRate(), l.contactRate(), l.satisfactionRate(), l.reworkRate() };
    }

    private String label(GroupBy by, String key) {
        return by == GroupBy.ORG ? directory.findOrg(key).map(OrgSummary::name).orElse(key) : key;
    }

    private record CaseFacts(long matterId, String role, String status, LocalDate assignedOn, LocalDate dueDate,
            OffsetDateTime signedAt, OffsetDateTime answeredAt, boolean contacted, String category,
            String matterStatus, String rating, boolean rehandled) {
    }

    /** Adds cases up; matter-level figures count each matter once per group, on its answering case. */
    private final class Acc {
        private final java.util.Set<Long> matters = new java.util.HashSet<>();
        private final java.util.Set<Long> ratedMatters = new java.util.HashSet<>();
        private long cases;
        private long signedOnTime;
        private long answered;
        private long answeredOnTime;
        private long closed;
        private long inProgress;
        private long overdue;
        private long contacted;
        private long satisfied;
        private long unsatisfied;
        private long rehandled;
        private long a;
        private long b;
        private long c;

        void add(CaseFacts f, LocalDate today) {
            cases++;
            if (f.signedAt() != null && !f.signedAt().atZoneSameInstant(deadlines.zone()).toLocalDate()
                    .isAfter(calendar.addWorkingDays(f.assignedOn(), signWithin))) {
                signedOnTime++;
            }
            boolean pending = CaseStatus.valueOf(f.status()).pending();
            if (pending && f.dueDate().isBefore(today)) {
                overdue++;
            }
            if (f.answeredAt() != null) {
                answered++;
                if (!f.answeredAt().atZoneSameInstant(deadlines.zone()).toLocalDate().isAfter(f.dueDate())) {
                    answeredOnTime++;
                }
                if (f.contacted()) {
                    contacted++;
                }
            }
            if ("A".equals(f.category())) {
                a++;
            } else if ("B".equals(f.category())) {
                b++;
            } else if ("C".equals(f.category())) {
                c++;
            }
            if (matters.add(f.matterId())) {
                if ("CLOSED".equals(f.matterStatus())) {
                    closed++;
                } else if (!"REJECTED".equals(f.matterStatus())) {
                    inProgress++;
                }
            }
            if (f.rating() != null && !"CO".equals(f.role()) && ratedMatters.add(f.matterId())) {
                if ("UNSATISFIED".equals(f.rating())) {
                    unsatisfied++;
                } else {
                    satisfied++;
                }
                if (f.rehandled()) {
                    rehandled++;
                }
            }
        }

        Line line(String key, String label) {
            long rated = ratedMatters.size();
            return new Line(key, label, matters.size(), cases, signedOnTime, answered, answeredOnTime, closed,
                    inProgress, overdue, contacted, rated, satisfied, unsatisfied, rehandled, a, b, c,
                    rate(answeredOnTime, answered), rate(contacted, answered), rate(satisfied, rated),
                    rate(rehandled, rated));
        }
    }

    /** A percentage with one decimal, null of nothing. */
    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
