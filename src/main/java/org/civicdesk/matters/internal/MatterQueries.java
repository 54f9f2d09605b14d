package org.civicdesk.matters.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.civicdesk.directory.Directory;
import org.civicdesk.directory.OrgSummary;
import org.civicdesk.matters.MatterStatus;
import org.civicdesk.matters.MatterType;
import org.civicdesk.matters.internal.Model.Case;
import org.civicdesk.matters.internal.Model.CaseRole;
import org.civicdesk.matters.internal.Model.Matter;
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
import org.civicdesk.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads matters for each kind of reader, showing each only what it may see. The lists that are read
 * most (inbox, board, statistics) run each statement on its own, without a transaction around them: at
 * READ COMMITTED a transaction would give them no common snapshot anyway, only one more round trip.
 */
@Service
@Transactional(readOnly = true)
class MatterQueries {

    /** Case states that still owe work by their due date. */
    static final String PENDING = "('ASSIGNED','SIGNED','REHANDLING')";
    private static final List<String> PENDING_STATES = List.of("ASSIGNED", "SIGNED", "REHANDLING");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
    private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)0\\d{2,3}-?\\d{7,8}(?!\\d)");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");

    private final JdbcClient jdbc;
    private final MatterRepository repo;
    private final Deadlines deadlines;
    private final Directory directory;
    private final MatterReadCache cache;

    MatterQueries(JdbcClient jdbc, MatterRepository repo, Deadlines deadlines, Directory directory,
            MatterReadCache cache) {
        this.jdbc = jdbc;
        this.repo = repo;
        this.deadlines = deadlines;
        this.directory = directory;
        this.cache = cache;
    }

    MatterView matter(long id) {
        Actor actor = Actor.require();
        Matter m = repo.find(id).orElseThrow(() -> Problems.notFound("matter", id));
        List<Case> cases = repo.cases(id);
        List<String> cosigners = repo.cosigners(id);
        boolean staff = isStaff(actor);
        boolean handler = actor.has(Role.HANDLER) && cases.stream().anyMatch(c -> c.orgCode().equals(actor.orgCode()));
        boolean raiser = m.raiser().equals(actor.username()) || cosigners.contains(actor.username());
        if (!staff && !handler && !raiser) {
            throw Problems.forbidden();
        }
        boolean insider = staff || handler;
        LocalDate today = deadlines.today();
        List<CaseView> caseViews = cases.stream().map(c -> caseView(c, m, today, insider)).toList();
        List<EventView> events = insider ? repo.events(id).stream()
                .map(e -> new EventView(e.at(), e.actor(), e.kind(), e.caseId(), e.note())).toList() : List.of();
        return new MatterView(m.id(), m.type(), m.status(), m.title(), m.content(), m.category(), m.district(),
                m.raiser(), cosigners, m.seriesSlug(), m.meetingId(), m.channel().name(), m.urgent(), m.keyMatter(),
                m.supervisingLeader(), m.confidential(), m.followUp(), m.rehandled(), m.rating(), m.accepted(),
                m.rejectionReason(), m.mergedInto(), m.example(), caseViews.stream().anyMatch(CaseView::overdue),
                m.raisedAt(), m.assignedAt(), m.answeredAt(), m.closedAt(), caseViews, events);
    }

    /** A case for its own department or for staff; other departments may not open it. */
    CaseDetail caseDetail(long caseId) {
        Actor actor = Actor.require();
        Case c = repo.findCase(caseId).orElseThrow(() -> Problems.notFound("case", caseId));
        if (!isStaff(actor) && !(actor.has(Role.HANDLER) && c.orgCode().equals(actor.orgCode()))) {
            throw Problems.forbidden();
        }
        MatterView matter = matter(c.matterId());
        CaseView current = matter.cases().stream().filter(v -> v.id() == caseId).findFirst().orElseThrow();
        return new CaseDetail(matter, current, c.replacedBy() != null);
    }

    /** Whether the reader is the raiser or a co-signer of an answer it has not rated yet. */
    boolean awaitsRatingFrom(long matterId) {
        Actor actor = Actor.require();
        Matter m = repo.find(matterId).orElseThrow(() -> Problems.notFound("matter", matterId));
        if (m.status() != MatterStatus.ANSWERED) {
            return false;
        }
        boolean rater = m.raiser().equals(actor.username()) || repo.cosigners(matterId).contains(actor.username());
        return rater && !repo.hasRated(matterId, actor.username(), m.ratingRound());
    }

    /** The series that matters were raised in, for the public figures and the filters. */
    List<String> seriesWithMatters() {
        return jdbc.sql("SELECT DISTINCT series_slug FROM matter WHERE series_slug IS NOT NULL ORDER BY series_slug")
                .query(String.class).list();
    }

    private CaseView caseView(Case c, Matter m, LocalDate today, boolean insider) {
        boolean open = m.status().isOpen() && c.status().pending();
        boolean overdue = open && c.dueDate().isBefore(today);
        return new CaseView(c.id(), c.matterId(), c.orgCode(), orgName(c.orgCode()), c.role().name(), c.status().name(),
                c.assignedOn(), c.dueDate(), overdue, open ? deadlines.workingDaysLeft(c.dueDate()) : null,
                c.signedAt(), c.answeredAt(), c.category(), c.answer(), c.signedOffBy(), insider ? c.opinion() : null,
                c.contacted(), insider ? c.extensionUntil() : null, insider ? c.extensionReason() : null,
                insider ? c.returnReason() : null);
    }

    private String orgName(String code) {
        return directory.findOrg(code).map(OrgSummary::name).orElse(code);
    }

    /** Matters the actor may see, newest first, filtered. */
    Page<MatterSummary> matters(String series, Long meetingId, MatterStatus status, MatterType type, String query,
            boolean mine, int page, int size) {
        Actor actor = Actor.require();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (mine || !isStaff(actor)) {
            List<String> scopes = new ArrayList<>();
            scopes.add("m.raiser = :me OR EXISTS (SELECT 1 FROM matter_cosigner s WHERE s.matter_id = m.id AND s.username = :me)");
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
        params.put("today", deadlines.today());
        List<MatterSummary> items = jdbc.sql("SELECT m.*, (SELECT MIN(c.due_date) FROM handling_case c WHERE "
                + "c.matter_id = m.id AND c.status IN " + PENDING + ") AS next_due FROM matter m" + where
                + " ORDER BY m.raised_at DESC, m.id DESC LIMIT :limit OFFSET :offset")
                .params(params).query(this::summary).list();
        return new Page<>(items, total);
    }

    private MatterSummary summary(ResultSet rs, int row) throws SQLException {
        Matter m = MatterRepository.matter(rs, row);
        java.sql.Date nextDue = rs.getDate("next_due");
        LocalDate due = nextDue == null ? null : nextDue.toLocalDate();
        boolean overdue = m.status().isOpen() && due != null && due.isBefore(deadlines.today());
        return new MatterSummary(m.id(), m.type(), m.status(), m.title(), m.raiser(), m.seriesSlug(), m.keyMatter(),
                overdue, m.followUp(), m.rating(), m.example(), m.raisedAt(), m.status().isOpen() ? due : null);
    }

    /**
     * A department's inbox: its cases that still owe work, the most urgent first. Kept on this node while
     * no matter changes (MatterReadCache), since handlers reload it far more often than cases change.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    Page<CaseLine> inbox(String orgCode, String due, int page, int size) {
        return cachedInbox(orgCode, due, page, size).value();
    }

    /** The inbox as the API sends it. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    byte[] inboxJson(String orgCode, String due, int page, int size) {
        return cachedInbox(orgCode, due, page, size).json();
    }

    private MatterReadCache.Cached<Page<CaseLine>> cachedInbox(String orgCode, String due, int page, int size) {
        Actor actor = Actor.require();
        String org;
        if (isStaff(actor)) {
            org = orgCode;
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
        return cache.get("inbox|" + org + "|" + view + "|" + page + "|" + size, today,
                () -> readInbox(org, view, page, size, today));
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
        // The same conditions on the pending cases per department and due date that MatterTallies keeps.
        long total = jdbc.sql("SELECT COALESCE(SUM(cases), 0) FROM case_due_tally WHERE 1 = 1" + condition)
                .params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        params.put("upTo", (long) page * size + size);
        List<CaseLine> items = caseLines(pendingByDue(condition.toString(), ":upTo"), "due_date, id",
                "LIMIT :limit OFFSET :offset", params);
        return new Page<>(items, total);
    }

    /**
     * The ids of the pending cases that meet {@code condition} (which starts with AND, if any), by due
     * date, at most {@code limit} of them. It reads each pending state apart, through an index on
     * (…, status, due_date, id), and merges the three: PostgreSQL 15 reads {@code status IN (…)} through
     * such an index as three ranges that it must gather and sort whole before it can take the first
     * rows, which for the board's overdue list is tens of thousands of rows for 50.
     */
    static String pendingByDue(String condition, String limit) {
        return PENDING_STATES.stream()
                .map(s -> "(SELECT id, due_date FROM handling_case WHERE status = '" + s + "'" + condition
                        + " ORDER BY due_date, id LIMIT " + limit + ")")
                .collect(Collectors.joining(" UNION ALL "));
    }

    /**
     * Lines for the cases that {@code ids} selects (a query of id and due_date that picks them through an
     * index), ordered by {@code order} (columns of handling_case) and cut to {@code limit} before they are
     * joined to their cases and matters, so that only the rows shown are looked up.
     */
    private List<CaseLine> caseLines(String ids, String order, String limit, Map<String, Object> params) {
        LocalDate today = deadlines.today();
        return jdbc.sql("SELECT c.id AS case_id, c.matter_id, m.type, m.title, c.org_code, c.role, c.status, "
                + "c.due_date, m.key_matter, m.urgent, c.extension_until "
                + "FROM (SELECT id, due_date FROM (" + ids + ") p ORDER BY " + order + " " + limit + ") q "
                + "JOIN handling_case c ON c.id = q.id JOIN matter m ON m.id = c.matter_id ORDER BY q."
                + order.replace(", ", ", q."))
                .params(params)
                .query((rs, n) -> {
                    LocalDate dueDate = rs.getDate("due_date").toLocalDate();
                    return new CaseLine(rs.getLong("case_id"), rs.getLong("matter_id"),
                            MatterType.valueOf(rs.getString("type")), rs.getString("title"), rs.getString("org_code"),
                            rs.getString("role"), rs.getString("status"), dueDate,
                            deadlines.workingDaysLeft(dueDate), dueDate.isBefore(today), rs.getBoolean("key_matter"),
                            rs.getBoolean("urgent"), rs.getDate("extension_until") != null);
                }).list();
    }

    /**
     * 督办看板 — what supervisors watch: overdue, due soon, re-handling, returned, extension requests,
     * unsatisfied and key matters. Kept on this node while no matter changes (MatterReadCache).
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    Board board(int limit) {
        return cachedBoard(limit).value();
    }

    /** The board as the API sends it. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    byte[] boardJson(int limit) {
        return cachedBoard(limit).json();
    }

    private MatterReadCache.Cached<Board> cachedBoard(int limit) {
        Actor actor = Actor.require();
        if (!isStaff(actor)) {
            throw Problems.forbidden();
        }
        LocalDate today = deadlines.today();
        return cache.get("board|" + limit, today, () -> readBoard(limit, today));
    }

    private Board readBoard(int limit, LocalDate today) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("today", today);
        p.put("soon", today.plusDays(7));
        p.put("limit", limit);
        String byDue = "due_date, id";
        String limited = "LIMIT :limit";
        List<CaseLine> overdue = caseLines(pendingByDue(" AND due_date < :today", ":limit"), byDue, limited, p);
        List<CaseLine> dueSoon = caseLines(pendingByDue(" AND due_date >= :today AND due_date <= :soon", ":limit"),
                byDue, limited, p);
        List<CaseLine> rehandling = caseLines("SELECT id, due_date FROM handling_case WHERE status = 'REHANDLING' "
                + "ORDER BY due_date, id LIMIT :limit", byDue, limited, p);
        // replaced_by is NULL in every row read, so ordering by it changes nothing; it tells PostgreSQL
        // that the index on (status, replaced_by, id) gives the rows in this order, which IS NULL alone
        // does not (without it, it walks the primary key through all cases).
        List<CaseLine> returned = caseLines("SELECT c.id, c.due_date FROM handling_case c JOIN matter m "
                + "ON m.id = c.matter_id WHERE c.status = 'RETURNED' AND c.replaced_by IS NULL AND m.status IN "
                + "('REGISTERED','ASSIGNED','IN_PROGRESS') ORDER BY c.replaced_by, c.id LIMIT :limit", "id", limited, p);
        List<CaseLine> extensions = caseLines("SELECT id, due_date FROM handling_case WHERE extension_until IS NOT NULL "
                + "AND status IN " + PENDING + " ORDER BY due_date, id LIMIT :limit", byDue, limited, p);
        List<MatterSummary> unsatisfied = matterLines("m.rating = 'UNSATISFIED'", p);
        List<MatterSummary> key = matterLines("m.key_matter = TRUE AND m.status NOT IN ('CLOSED','REJECTED')", p);
        return new Board(overdue, dueSoon, rehandling, returned, extensions, unsatisfied, key);
    }

    private List<MatterSummary> matterLines(String condition, Map<String, Object> params) {
        return jdbc.sql("SELECT m.*, (SELECT MIN(c.due_date) FROM handling_case c WHERE c.matter_id = m.id AND "
                + "c.status IN " + PENDING + ") AS next_due FROM matter m WHERE " + condition
                + " ORDER BY m.raised_at DESC, m.id DESC LIMIT :limit").params(params).query(this::summary).list();
    }

    /**
     * The public figures of a series (or of everything): what the reporter counted by hand. They come
     * from the tallies that each transition keeps (MatterTallies), exact at once after every change,
     * and cost a few rows to read however large the series. Kept on this node while no matter changes
     * (MatterReadCache), like the inbox: the node that made a change reads them again at once.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    Stats stats(String series) {
        return cachedStats(series).value();
    }

    /** The figures as the API sends them. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    byte[] statsJson(String series) {
        return cachedStats(series).json();
    }

    private MatterReadCache.Cached<Stats> cachedStats(String series) {
        LocalDate today = deadlines.today();
        return cache.get("stats|" + series, today, () -> readStats(series, today));
    }

    private Stats readStats(String series, LocalDate today) {
        String where = series == null ? "" : " WHERE series_slug = :series";
        Map<String, Object> params = new LinkedHashMap<>();
        if (series != null) {
            params.put("series", series);
        }
        params.put("today", today);
        var row = jdbc.sql("""
                SELECT COALESCE(SUM(matters), 0) AS items,
                       COALESCE(SUM(cases), 0) AS cases,
                       COALESCE(SUM(CASE WHEN status = 'CLOSED' THEN matters ELSE 0 END), 0) AS closed,
                       COALESCE(SUM(CASE WHEN status = 'REJECTED' THEN matters ELSE 0 END), 0) AS rejected,
                       COALESCE(SUM(CASE WHEN status = 'ANSWERED' THEN matters ELSE 0 END), 0) AS answered,
                       (SELECT COALESCE(SUM(matters), 0) FROM matter_due_tally WHERE due_date < :today"""
                + (series == null ? "" : " AND series_slug = :series") + ") AS overdue FROM matter_tally" + where)
                .params(params).query().singleRow();
        long items = number(row.get("items"));
        long closed = number(row.get("closed"));
        long rejected = number(row.get("rejected"));
        return new Stats(items, number(row.get("cases")), closed, items - closed - rejected, number(row.get("overdue")),
                number(row.get("answered")), rejected);
    }

    /**
     * Answers published on the portal: in full unless the matter is confidential, with phone numbers
     * and email addresses removed (国办发〔2014〕46号).
     */
    Page<PublishedAnswer> published(String series, String query, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE m.confidential = FALSE AND c.answer IS NOT NULL "
                + "AND c.role IN ('LEAD','SEPARATE')");
        Map<String, Object> params = new LinkedHashMap<>();
        if (series != null && !series.isBlank()) {
            where.append(" AND m.series_slug = :series");
            params.put("series", series);
        }
        if (query != null && !query.isBlank()) {
            where.append(" AND (LOWER(m.title) LIKE :q OR LOWER(c.answer) LIKE :q)");
            params.put("q", "%" + query.trim().toLowerCase() + "%");
        }
        String from = " FROM handling_case c JOIN matter m ON m.id = c.matter_id";
        long total = jdbc.sql("SELECT COUNT(*)" + from + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<PublishedAnswer> items = jdbc.sql("SELECT m.id, m.type, m.title, m.content, m.series_slug, c.org_code, "
                + "c.category, c.answer, c.answered_at, m.example" + from + where
                + " ORDER BY c.answered_at DESC, c.id DESC LIMIT :limit OFFSET :offset").params(params)
                .query((rs, n) -> new PublishedAnswer(rs.getLong("id"), MatterType.valueOf(rs.getString("type")),
                        rs.getString("title"), redact(rs.getString("content")), rs.getString("series_slug"),
                        orgName(rs.getString("org_code")), rs.getString("category"), redact(rs.getString("answer")),
                        rs.getObject("answered_at", OffsetDateTime.class), rs.getBoolean("example")))
                .list();
        return new Page<>(items, total);
    }

    static String redact(String text) {
        if (text == null) {
            return null;
        }
        String t = MOBILE.matcher(text).replaceAll("[已隐去]");
        t = LANDLINE.matcher(t).replaceAll("[已隐去]");
        return EMAIL.matcher(t).replaceAll("[已隐去]");
    }

    long matterOfCase(long caseId) {
        return repo.findCase(caseId).map(Case::matterId).orElseThrow(() -> Problems.notFound("case", caseId));
    }

    /** The lead case of a matter, for pages that act on it. */
    Case leadCase(long matterId) {
        return repo.cases(matterId).stream().filter(c -> c.role() == CaseRole.LEAD).reduce((a, b) -> b).orElse(null);
    }

    static boolean isStaff(Actor actor) {
        return actor.has(Role.SUPERVISOR) || actor.has(Role.ADMIN);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
