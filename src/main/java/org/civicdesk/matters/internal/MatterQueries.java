package org.civicdesk.matters.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.civicdesk.directory.Directory;
import org.civicdesk.directory.OrgSummary;
import org.civicdesk.matters.CaseId;
import org.civicdesk.matters.MatterId;
import org.civicdesk.matters.MatterStatus;
import org.civicdesk.matters.MatterType;
import org.civicdesk.matters.internal.Views.Board;
import org.civicdesk.matters.internal.Views.CaseDetail;
import org.civicdesk.matters.internal.Views.CaseLine;
import org.civicdesk.matters.internal.Views.CaseView;
import org.civicdesk.matters.internal.Views.EventView;
import org.civicdesk.matters.internal.Views.MatterSummary;
import org.civicdesk.matters.internal.Views.MatterView;
import org.civicdesk.matters.internal.Views.Page;
import org.civicdesk.matters.internal.Views.PublishedAnswer;
import org.civicdesk.matters.internal.Views.Stats;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.Redactor;
import org.civicdesk.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads matters for each kind of reader, showing each only what it may see. A matter's page is read
 * from the aggregate itself, so what it offers is what {@link Matter#allowedActions} allows; the lists
 * that are read most (inbox, board, statistics) go through {@link MatterReads}. The reads run each
 * statement on its own, without a transaction around them: at READ COMMITTED a transaction would give
 * them no common snapshot anyway, only one more round trip.
 */
@Service
class MatterQueries {

    /** Answers published on the portal: by the departments that answer, of matters not confidential. */
    static final String PUBLISHED = " FROM handling_case c JOIN matter m ON m.id = c.matter_id"
            + " WHERE m.confidential = FALSE AND c.answer IS NOT NULL AND c.role IN ('LEAD','SEPARATE')";

    /**
     * What the public reads of a published answer, as {@code title}, {@code content} and {@code answer}:
     * the copies with contact details removed that {@link MatterRepository} keeps beside the text as written.
     */
    static final String PUBLIC_TEXT = "m.public_title AS title, m.public_content AS content, c.public_answer AS answer";

    private final JdbcClient jdbc;
    private final MatterRepository repo;
    private final Deadlines deadlines;
    private final Directory directory;
    private final MatterReads reads;

    MatterQueries(JdbcClient jdbc, MatterRepository repo, Deadlines deadlines, Directory directory,
            MatterReads reads) {
        this.jdbc = jdbc;
        this.repo = repo;
        this.deadlines = deadlines;
        this.directory = directory;
        this.reads = reads;
    }

    /** A matter for staff, the departments it was assigned to, and its raisers. */
    MatterView matter(MatterId id) {
        Actor actor = Actor.require();
        Matter m = repo.load(id).orElseThrow(() -> Problems.notFound("matter", id));
        boolean staff = Matter.isStaff(actor);
        boolean handler = actor.has(Role.HANDLER)
                && m.cases().stream().anyMatch(c -> c.orgCode().equals(actor.orgCode()));
        if (!staff && !handler && !m.isRaiser(actor.username())) {
            throw Problems.forbidden();
        }
        boolean insider = staff || handler;
        LocalDate today = deadlines.today();
        MatterStatus status = m.status();
        List<CaseView> caseViews = m.cases().stream().map(c -> caseView(m, c, status, today, insider, actor))
                .toList();
        List<EventView> events = insider ? repo.history(id).stream()
                .map(e -> new EventView(e.at(), e.actor(), e.kind(), e.caseId(), e.note())).toList() : List.of();
        Matter.Facts f = m.facts();
        return new MatterView(id.value(), f.type(), status, f.title(), f.content(), f.category(), f.district(),
                f.raiser(), List.copyOf(m.cosigners()), f.series(), f.meetingId(), f.channel().name(), f.urgent(),
                m.key(), m.supervisingLeader(), f.confidential(), m.followUp(), m.rehandled(),
                m.rating() == null ? null : m.rating().name(), m.accepted(), m.rejectionReason(), m.mergedInto(),
                f.example(), caseViews.stream().anyMatch(CaseView::overdue), f.raisedAt(), m.assignedAt(),
                m.answeredAt(), m.closedAt(), caseViews, events,
                m.allowedActions(actor, deadlines).stream().map(Enum::name).toList());
    }

    /** A case for its own department or for staff; other departments may not open it. */
    CaseDetail caseDetail(CaseId caseId) {
        Actor actor = Actor.require();
        MatterId matterId = repo.matterOf(caseId).orElseThrow(() -> Problems.notFound("case", caseId));
        MatterView matter = matter(matterId);
        CaseView current = matter.cases().stream().filter(v -> v.id() == caseId.value()).findFirst().orElseThrow();
        if (!Matter.isStaff(actor) && !(actor.has(Role.HANDLER) && current.orgCode().equals(actor.orgCode()))) {
            throw Problems.forbidden();
        }
        return new CaseDetail(matter, current, current.replacedBy() != null);
    }

    MatterId matterOf(CaseId caseId) {
        return repo.matterOf(caseId).orElseThrow(() -> Problems.notFound("case", caseId));
    }

    /** The series that matters were raised in, for the public figures and the filters. */
    List<String> seriesWithMatters() {
        return jdbc.sql("SELECT DISTINCT series_slug FROM matter_tally WHERE series_slug <> '' AND matters > 0 "
                + "ORDER BY series_slug").query(String.class).list();
    }

    private CaseView caseView(Matter m, Case c, MatterStatus status, LocalDate today, boolean insider, Actor actor) {
        boolean open = status.isOpen() && c.status().pending();
        boolean overdue = open && c.dueDate().isBefore(today);
        return new CaseView(c.id().value(), m.id().value(), c.orgCode(), orgName(c.orgCode()), c.role().name(),
                c.status().name(), c.assignedOn(), c.dueDate(), overdue,
                open ? deadlines.workingDaysLeft(c.dueDate()) : null, c.signedAt(), c.answeredAt(),
                c.category() == null ? null : c.category().name(), c.answer(), c.signedOffBy(),
                insider ? c.opinion() : null, c.contacted(), insider ? c.extensionUntil() : null,
                insider ? c.extensionReason() : null, insider ? c.returnReason() : null, c.replacedBy(),
                m.allowedActions(c, actor, deadlines).stream().map(Enum::name).toList());
    }

    private String orgName(String code) {
        return directory.findOrg(code).map(OrgSummary::localName).orElse(code);
    }

    /** Matters the actor may see, newest first, filtered. */
    Page<MatterSummary> matters(String series, Long meetingId, MatterStatus status, MatterType type, String query,
            boolean mine, int page, int size) {
        Actor actor = Actor.require();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (mine || !Matter.isStaff(actor)) {
            List<String> scopes = new ArrayList<>();
            scopes.add("m.raiser = :me OR EXISTS (SELECT 1 FROM matter_cosigner s WHERE s.matter_id = m.id "
                    + "AND s.username = :me)");
            params.put("me", actor.username());
            if (!mine && actor.has(Role.HANDLER) && actor.orgCode() != null) {
                scopes.add("EXISTS (SELECT 1 FROM handling_case c WHERE c.matter_id = m.id AND c.org_code = :org)");
                params.put("org", actor.orgCode());
            }
            where.append(" AND (").append(String.join(" OR ", scopes)).append(")");
        }
        if (series != null && !series.isBlank()) {
            where.append(" AND m.series_slug = :series");
            params.put("series", series);
        }
        if (meetingId != null) {
            where.append(" AND m.meeting_id = :meeting");
            params.put("meeting", meetingId);
        }
        if (status != null) {
            where.append(" AND m.status = :status");
            params.put("status", status.name());
        }
        if (type != null) {
            where.append(" AND m.type = :type");
            params.put("type", type.name());
        }
        if (query != null && !query.isBlank()) {
            where.append(" AND (LOWER(m.title) LIKE :q OR LOWER(m.content) LIKE :q)");
            params.put("q", "%" + query.trim().toLowerCase() + "%");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM matter m" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<MatterSummary> items = jdbc.sql("SELECT m.*, (SELECT MIN(c.due_date) FROM handling_case c WHERE "
                + "c.matter_id = m.id AND c.status IN " + CaseStatus.pendingSql() + ") AS next_due FROM matter m"
                + where + " ORDER BY m.raised_at DESC, m.id DESC LIMIT :limit OFFSET :offset")
                .params(params).query(this::summary).list();
        return new Page<>(items, total);
    }

    private MatterSummary summary(ResultSet rs, int row) throws SQLException {
        Matter.Facts f = MatterRepository.facts(rs);
        MatterStatus status = MatterStatus.valueOf(rs.getString("status"));
        LocalDate due = MatterRepository.date(rs, "next_due");
        boolean overdue = status.isOpen() && due != null && due.isBefore(deadlines.today());
        return new MatterSummary(rs.getLong("id"), f.type(), status, f.title(), f.raiser(), f.series(),
                rs.getBoolean("key_matter"), overdue, rs.getBoolean("follow_up"), rs.getString("rating"), f.example(),
                f.raisedAt(), status.isOpen() ? due : null);
    }

    // --- the inbox, the board and the statistics, kept per node (MatterReads)

    /**
     * A department's inbox: its cases that still owe work, the most urgent first. A handler reads its
     * own department's; staff any department's, or all.
     */
    MatterReads.Kept<Page<CaseLine>> inbox(String orgCode, String due, int page, int size) {
        Actor actor = Actor.require();
        String org;
        if (Matter.isStaff(actor)) {
            org = orgCode == null || orgCode.isBlank() ? null : orgCode.trim();
            if (org != null && directory.findOrg(org).isEmpty()) {
                throw Problems.invalid("org", "validation.unknownOrg", org);
            }
        } else if (actor.has(Role.HANDLER) && actor.orgCode() != null) {
            if (orgCode != null && !orgCode.equals(actor.orgCode())) {
                throw Problems.forbidden();
            }
            org = actor.orgCode();
        } else {
            throw Problems.forbidden();
        }
        String view = "overdue".equals(due) || "soon".equals(due) ? due : null;
        LocalDate today = deadlines.today();
        return reads.get(new InboxKey(org, view, page, size, today), org, () -> readInbox(org, view, page, size,
                today));
    }

    private record InboxKey(String org, String view, int page, int size, LocalDate day) {
    }

    private Page<CaseLine> readInbox(String org, String due, int page, int size, LocalDate today) {
        // Conditions on handling_case besides its state; the same for the count and the page.
        StringBuilder condition = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        if (org != null) {
            condition.append(" AND org_code = :org");
            params.put("org", org);
        }
        if ("overdue".equals(due)) {
            condition.append(" AND due_date < :today");
            params.put("today", today);
        } else if ("soon".equals(due)) {
            condition.append(" AND due_date >= :today AND due_date <= :soon");
            params.put("today", today);
            params.put("soon", today.plusDays(7));
        }
        // The same conditions on the pending cases per department and due date that Tallies keeps.
        long total = jdbc.sql("SELECT COALESCE(SUM(cases), 0) FROM case_due_tally WHERE 1 = 1" + condition)
                .params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        params.put("upTo", (long) page * size + size);
        List<CaseLine> items = caseLines(pendingByDue(condition.toString(), ":upTo"), "due_date, id",
                "LIMIT :limit OFFSET :offset", params, today);
        return new Page<>(items, total);
    }

    /**
     * The ids of the pending cases that meet {@code condition} (which starts with AND, if any), by due
     * date, at most {@code limit} of them. It reads each pending state apart, through an index on
     * (…, status, due_date, id), and merges them: PostgreSQL 15 reads {@code status IN (…)} through
     * such an index as ranges that it must gather and sort whole before it can take the first rows,
     * which for the board's overdue list is tens of thousands of rows for 50.
     */
    static String pendingByDue(String condition, String limit) {
        return CaseStatus.PENDING.stream()
                .map(s -> "(SELECT id, due_date FROM handling_case WHERE status = '" + s.name() + "'" + condition
                        + " ORDER BY due_date, id LIMIT " + limit + ")")
                .collect(Collectors.joining(" UNION ALL "));
    }

    /**
     * Lines for the cases that {@code ids} selects (a query of id and due_date that picks them through an
     * index), ordered by {@code order} (columns of handling_case) and cut to {@code limit} before they are
     * joined to their cases and matters, so that only the rows shown are looked up.
     */
    private List<CaseLine> caseLines(String ids, String order, String limit, Map<String, Object> params,
            LocalDate today) {
        return jdbc.sql("SELECT c.id AS case_id, c.matter_id, m.type, m.title, c.org_code, c.role, c.status, "
                + "c.due_date, m.key_matter, m.urgent, c.extension_until "
                + "FROM (SELECT id, due_date FROM (" + ids + ") p ORDER BY " + order + " " + limit + ") q "
                + "JOIN handling_case c ON c.id = q.id JOIN matter m ON m.id = c.matter_id ORDER BY q."
                + order.replace(", ", ", q."))
                .params(params)
                .query((rs, n) -> {
                    LocalDate dueDate = rs.getDate("due_date").toLocalDate();
                    CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
                    return new CaseLine(rs.getLong("case_id"), rs.getLong("matter_id"),
                            MatterType.valueOf(rs.getString("type")), rs.getString("title"), rs.getString("org_code"),
                            rs.getString("role"), status.name(), dueDate, deadlines.workingDaysLeft(dueDate),
                            status.pending() && dueDate.isBefore(today), rs.getBoolean("key_matter"),
                            rs.getBoolean("urgent"), rs.getDate("extension_until") != null);
                }).list();
    }

    /**
     * 督办看板 — what supervisors watch: overdue, due soon, re-handling, returned, extension requests,
     * unsatisfied and key matters, the most urgent {@code limit} of each.
     */
    MatterReads.Kept<Board> board(int limit) {
        Actor actor = Actor.require();
        if (!Matter.isStaff(actor)) {
            throw Problems.forbidden();
        }
        LocalDate today = deadlines.today();
        return reads.get(new BoardKey(limit, today), null, () -> readBoard(limit, today));
    }

    private record BoardKey(int limit, LocalDate day) {
    }

    private Board readBoard(int limit, LocalDate today) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("today", today);
        p.put("soon", today.plusDays(7));
        p.put("limit", limit);
        String byDue = "due_date, id";
        String limited = "LIMIT :limit";
        List<CaseLine> overdue = caseLines(pendingByDue(" AND due_date < :today", ":limit"), byDue, limited, p,
                today);
        List<CaseLine> dueSoon = caseLines(pendingByDue(" AND due_date >= :today AND due_date <= :soon", ":limit"),
                byDue, limited, p, today);
        List<CaseLine> rehandling = caseLines("SELECT id, due_date FROM handling_case WHERE status = '"
                + CaseStatus.REHANDLING + "' ORDER BY due_date, id LIMIT :limit", byDue, limited, p, today);
        // replaced_by is NULL in every row read, so ordering by it changes nothing; it tells PostgreSQL
        // that the index on (status, replaced_by, id) gives the rows in this order, which IS NULL alone
        // does not (without it, it walks the primary key through all cases).
        List<CaseLine> returned = caseLines("SELECT c.id, c.due_date FROM handling_case c JOIN matter m "
                + "ON m.id = c.matter_id WHERE c.status = '" + CaseStatus.RETURNED + "' AND c.replaced_by IS NULL "
                + "AND m.status IN ('REGISTERED','ASSIGNED','IN_PROGRESS') ORDER BY c.replaced_by, c.id LIMIT :limit",
                "id", limited, p, today);
        List<CaseLine> extensions = caseLines("SELECT id, due_date FROM handling_case WHERE extension_until IS NOT "
                + "NULL AND status IN " + CaseStatus.pendingSql() + " ORDER BY due_date, id LIMIT :limit", byDue,
                limited, p, today);
        List<MatterSummary> unsatisfied = matterLines("m.rating = 'UNSATISFIED'", p);
        List<MatterSummary> key = matterLines("m.key_matter = TRUE AND m.status NOT IN ('CLOSED','REJECTED')", p);
        return new Board(overdue, dueSoon, rehandling, returned, extensions, unsatisfied, key);
    }

    private List<MatterSummary> matterLines(String condition, Map<String, Object> params) {
        return jdbc.sql("SELECT m.*, (SELECT MIN(c.due_date) FROM handling_case c WHERE c.matter_id = m.id AND "
                + "c.status IN " + CaseStatus.pendingSql() + ") AS next_due FROM matter m WHERE " + condition
                + " ORDER BY m.raised_at DESC, m.id DESC LIMIT :limit").params(params).query(this::summary).list();
    }

    /**
     * The public figures of a series (or of everything, {@code series} null): what the reporter counted
     * by hand. They come from the tallies that each transition keeps, and the figures of every series
     * are read and kept together, so that no series asked for, known or not, costs more than one read.
     */
    Stats stats(String series) {
        LocalDate today = deadlines.today();
        Map<String, Stats> all = reads.get(new StatsKey(today), null, () -> readStats(today)).value();
        return all.getOrDefault(series == null ? ALL : series, Stats.NONE);
    }

    /** The key of the figures of everything, which no series slug can be (slugs are letters, digits, -). */
    private static final String ALL = "*";

    private record StatsKey(LocalDate day) {
    }

    private Map<String, Stats> readStats(LocalDate today) {
        Map<String, long[]> counts = new TreeMap<>();
        jdbc.sql("""
                SELECT series_slug, status, SUM(matters) AS matters, SUM(cases) AS cases FROM matter_tally
                GROUP BY series_slug, status""").query(rs -> {
                    long[] c = counts.computeIfAbsent(rs.getString("series_slug"), k -> new long[6]);
                    long matters = rs.getLong("matters");
                    c[0] += matters;
                    c[1] += rs.getLong("cases");
                    switch (MatterStatus.valueOf(rs.getString("status"))) {
                        case CLOSED -> c[2] += matters;
                        case REJECTED -> c[3] += matters;
                        case ANSWERED -> c[4] += matters;
                        default -> {
                        }
                    }
                });
        jdbc.sql("SELECT series_slug, SUM(matters) AS matters FROM matter_due_tally WHERE due_date < :today "
                + "GROUP BY series_slug").param("today", today)
                .query(rs -> {
                    counts.computeIfAbsent(rs.getString("series_slug"), k -> new long[6])[5] += rs.getLong("matters");
                });
        Map<String, Stats> stats = new LinkedHashMap<>();
        long[] total = new long[6];
        counts.forEach((series, c) -> {
            for (int i = 0; i < c.length; i++) {
                total[i] += c[i];
            }
            if (!Tallies.NO_SERIES.equals(series)) {
                stats.put(series, Stats.of(c));
            }
        });
        stats.put(ALL, Stats.of(total));
        return stats;
    }

    /**
     * Answers published on the portal: in full unless the matter is confidential, with contact
     * details removed (国办发〔2014〕46号) by {@link Redactor}. The query looks only at that public text,
     * so that it cannot tell which answer holds a number it does not show.
     */
    Page<PublishedAnswer> published(String series, String query, int page, int size) {
        StringBuilder where = new StringBuilder(PUBLISHED);
        Map<String, Object> params = new LinkedHashMap<>();
        if (series != null && !series.isBlank()) {
            where.append(" AND m.series_slug = :series");
            params.put("series", series);
        }
        if (query != null && !query.isBlank()) {
            where.append(" AND (LOWER(m.public_title) LIKE :q OR LOWER(c.public_answer) LIKE :q)");
            params.put("q", "%" + query.trim().toLowerCase() + "%");
        }
        long total = jdbc.sql("SELECT COUNT(*)" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<PublishedAnswer> items = jdbc.sql("SELECT m.id, m.type, m.series_slug, c.org_code, c.category, "
                + "c.answered_at, m.example, " + PUBLIC_TEXT + where
                + " ORDER BY c.answered_at DESC, c.id DESC LIMIT :limit OFFSET :offset").params(params)
                .query(this::publishedAnswer)
                .list();
        return new Page<>(items, total);
    }

    /** The published answers of one matter, for its public page; none if it has none (or is confidential). */
    List<PublishedAnswer> publishedAnswers(MatterId id) {
        return jdbc.sql("SELECT m.id, m.type, m.series_slug, c.org_code, c.category, c.answered_at, m.example, "
                + PUBLIC_TEXT + PUBLISHED + " AND m.id = :id ORDER BY c.id").param("id", id.value())
                .query(this::publishedAnswer)
                .list();
    }

    /** What the public reads of an answer and its matter, contact details removed from every text. */
    private PublishedAnswer publishedAnswer(ResultSet rs, int n) throws SQLException {
        return new PublishedAnswer(rs.getLong("id"), MatterType.valueOf(rs.getString("type")),
                rs.getString("title"), rs.getString("content"), rs.getString("series_slug"),
                orgName(rs.getString("org_code")), rs.getString("category"), rs.getString("answer"),
                rs.getObject("answered_at", OffsetDateTime.class),
                rs.getBoolean("example"));
    }
}
