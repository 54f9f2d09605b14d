package org.civicdesk.meetings.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.civicdesk.audit.AuditTrail;
import org.civicdesk.meetings.AgendaItemCommand;
import org.civicdesk.meetings.ExpectedAttendee;
import org.civicdesk.meetings.MeetingCommand;
import org.civicdesk.meetings.MeetingEvent;
import org.civicdesk.meetings.MeetingRef;
import org.civicdesk.meetings.Meetings;
import org.civicdesk.meetings.SeriesCommand;
import org.civicdesk.meetings.SeriesRef;
import org.civicdesk.meetings.internal.Views.AgendaItemView;
import org.civicdesk.meetings.internal.Views.MeetingView;
import org.civicdesk.meetings.internal.Views.SeriesView;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.CitySettings;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps series, meetings, their agendas and decisions. Organisers (ADMIN or SUPERVISOR) prepare,
 * publish and close meetings; everyone else sees published and closed meetings only, so a draft is
 * "not found" to them.
 */
@Service
@Transactional(readOnly = true)
class MeetingService implements Meetings {

    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9\\-]{0,63}");

    /** Invitations sent or accepted and registrations pending or confirmed: who holds a seat. */
    static final String HOLDS_SEAT = "(p.invitation IN ('SENT','ACCEPTED') OR p.registration IN ('PENDING','CONFIRMED'))";

    private static final String MEETING_SELECT = """
            SELECT m.id, s.slug, s.name AS series_name, s.approval_required, m.seq_no, m.title, m.starts_at, m.ends_at,
                   m.venue, m.host, m.theme, c.name AS category, m.capacity, m.self_registration, m.status, m.report,
                   m.minutes,
                   (SELECT COUNT(*) FROM participant p WHERE p.meeting_id = m.id AND %s) AS seats_taken,
                   (SELECT COUNT(*) FROM participant p WHERE p.meeting_id = m.id AND p.registration = 'WAITLISTED') AS waitlisted,
                   (SELECT COUNT(*) FROM participant p WHERE p.meeting_id = m.id AND p.attended_at IS NOT NULL) AS attended
            FROM meeting m JOIN meeting_series s ON s.id = m.series_id
            LEFT JOIN theme_category c ON c.id = m.theme_category_id""".formatted(HOLDS_SEAT);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    MeetingService(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
            CitySettings city) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.zone = city.timeZone();
    }

    /** Organisers prepare meetings, invite and check people in: ADMIN or SUPERVISOR. */
    static boolean isOrganiser() {
        return Actor.current().map(a -> a.has(Role.ADMIN) || a.has(Role.SUPERVISOR)).orElse(false);
    }

    ZoneId zone() {
        return zone;
    }

    // --- the public API of the module

    @Override
    public Optional<SeriesRef> series(String slug) {
        return jdbc.sql("SELECT id, slug, name FROM meeting_series WHERE slug = :slug").param("slug", slug)
                .query((rs, n) -> new SeriesRef(rs.getLong("id"), rs.getString("slug"), rs.getString("name")))
                .optional();
    }

    @Override
    public Optional<MeetingRef> meeting(long id) {
        return findMeeting(id).map(MeetingService::ref);
    }

    @Override
    public Optional<String> participantAccount(long participantId) {
        return jdbc.sql("SELECT username FROM participant WHERE id = :id AND username IS NOT NULL")
                .param("id", participantId).query(String.class).optional();
    }

    @Override
    public List<ExpectedAttendee> expectedBetween(OffsetDateTime from, OffsetDateTime until) {
        return jdbc.sql("""
                SELECT m.id AS meeting_id, p.id AS participant_id, p.username, m.title, m.starts_at, m.venue
                FROM participant p JOIN meeting m ON m.id = p.meeting_id
                WHERE m.status = 'PUBLISHED' AND m.starts_at >= :from AND m.starts_at < :until
                  AND p.username IS NOT NULL AND (p.registration = 'CONFIRMED' OR p.invitation = 'ACCEPTED')
                ORDER BY m.starts_at, p.id""")
                .param("from", from).param("until", until)
                .query((rs, n) -> new ExpectedAttendee(rs.getLong("meeting_id"), rs.getLong("participant_id"),
                        rs.getString("username"), rs.getString("title"),
                        rs.getObject("starts_at", OffsetDateTime.class), rs.getString("venue")))
                .list();
    }

    static MeetingRef ref(MeetingView m) {
        return new MeetingRef(m.id(), m.series(), m.number(), m.title(), m.startsAt(),
                m.status() != MeetingStatus.DRAFT);
    }

    @Override
    public Optional<MeetingRef> meeting(String seriesSlug, int number) {
        return jdbc.sql("""
                SELECT m.id FROM meeting m JOIN meeting_series s ON s.id = m.series_id
                WHERE s.slug = :slug AND m.seq_no = :n""").param("slug", seriesSlug).param("n", number)
                .query(Long.class).optional().flatMap(this::meeting);
    }

    // --- series

    List<SeriesView> allSeries() {
        return jdbc.sql("SELECT slug FROM meeting_series ORDER BY id").query(String.class).list().stream()
                .map(this::seriesView).toList();
    }

    SeriesView seriesView(String slug) {
        return findSeries(slug).orElseThrow(() -> Problems.notFound("series", slug));
    }

    Optional<SeriesView> findSeries(String slug) {
        return jdbc.sql("""
                SELECT s.id, s.slug, s.name, s.kind, s.approval_required, s.description,
                       (SELECT COUNT(*) FROM meeting m WHERE m.series_id = s.id AND m.status <> 'DRAFT') AS meetings
                FROM meeting_series s WHERE s.slug = :slug""").param("slug", slug)
                .query((rs, n) -> new SeriesView(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                        SeriesKind.valueOf(rs.getString("kind")), rs.getBoolean("approval_required"),
                        rs.getString("description"), categories(rs.getLong("id")), rs.getLong("meetings")))
                .optional();
    }

    private List<String> categories(long seriesId) {
        return jdbc.sql("SELECT name FROM theme_category WHERE series_id = :s ORDER BY sort_order, id")
                .param("s", seriesId).query(String.class).list();
    }

    @Transactional
    SeriesView createSeries(SeriesCommand cmd) {
        Checks checks = new Checks();
        checks.required("slug", cmd.slug()).maxLength("slug", cmd.slug(), 64)
                .matches("slug", cmd.slug(), SLUG, "validation.slug");
        checks.required("name", cmd.name()).maxLength("name", cmd.name(), 200);
        SeriesKind kind = checks.oneOf("kind", cmd.kind(), SeriesKind.class);
        checks.maxLength("description", cmd.description(), 2000);
        List<String> categories = cmd.themeCategories() == null ? List.of() : cmd.themeCategories();
        for (int i = 0; i < categories.size(); i++) {
            checks.required("themeCategories[" + i + "]", categories.get(i))
                    .maxLength("themeCategories[" + i + "]", categories.get(i), 100);
        }
        checks.throwIfAny();
        String slug = cmd.slug().trim();
        // A slug is unique whatever its case (migration 23): people type it into addresses.
        if (jdbc.sql("SELECT COUNT(*) FROM meeting_series WHERE LOWER(slug) = LOWER(:slug)").param("slug", slug)
                .query(Long.class).single() > 0) {
            throw Problems.duplicate("slug", slug);
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO meeting_series (slug, name, kind, approval_required, description, created_at)
                VALUES (:slug, :name, :kind, :approval, :description, :now)""")
                .param("slug", slug).param("name", cmd.name().trim())
                .param("kind", (kind == null ? SeriesKind.OTHER : kind).name())
                .param("approval", Boolean.TRUE.equals(cmd.approvalRequired()))
                .param("description", blankToNull(cmd.description())).param("now", OffsetDateTime.now(clock))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (String category : categories) {
            categoryId(id, category.trim());
        }
        SeriesView created = seriesView(slug);
        audit.record("series.created", "meeting_series", slug, null, created);
        events.publishEvent(new MeetingEvent.SeriesCreated(slug));
        return created;
    }

    @Transactional
    SeriesView addCategory(String slug, String name) {
        SeriesView before = seriesView(slug);
        Checks checks = new Checks();
        checks.required("name", name).maxLength("name", name, 100).throwIfAny();
        if (before.themeCategories().contains(name.trim())) {
            throw Problems.duplicate("name", name.trim());
        }
        categoryId(before.id(), name.trim());
        SeriesView after = seriesView(slug);
        audit.record("series.categoryAdded", "meeting_series", slug, before, after);
        events.publishEvent(new MeetingEvent.SeriesCategoryAdded(slug, name.trim()));
        return after;
    }

    /** The category of that name in the series; naming a new one defines it, so organisers need no extra step. */
    private long categoryId(long seriesId, String name) {
        Optional<Long> existing = jdbc.sql("SELECT id FROM theme_category WHERE series_id = :s AND name = :n")
                .param("s", seriesId).param("n", name).query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        int order = jdbc.sql("SELECT COUNT(*) FROM theme_category WHERE series_id = :s").param("s", seriesId)
                .query(Integer.class).single();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO theme_category (series_id, name, sort_order) VALUES (:s, :n, :o)").param("s", seriesId)
                .param("n", name).param("o", order).update(keys, "id");
        return keys.getKey().longValue();
    }

    // --- meetings

    Optional<MeetingView> findMeeting(long id) {
        return jdbc.sql(MEETING_SELECT + " WHERE m.id = :id").param("id", id).query(this::meetingRow).optional();
    }

    /** The meeting, if the caller may see it: drafts are for organisers only. */
    MeetingView meetingView(long id) {
        return findMeeting(id).filter(m -> m.status() != MeetingStatus.DRAFT || isOrganiser())
                .orElseThrow(() -> Problems.notFound("meeting", id));
    }

    /** A published or closed meeting, whoever asks. */
    MeetingView publicMeeting(long id) {
        return findMeeting(id).filter(m -> m.status() != MeetingStatus.DRAFT)
                .orElseThrow(() -> Problems.notFound("meeting", id));
    }

    /**
     * Meetings in start order, optionally of one series and within [from, to).
     *
     * @param drafts whether to include drafts (only ever for organisers)
     */
    List<MeetingView> meetings(String seriesSlug, OffsetDateTime from, OffsetDateTime to, boolean drafts) {
        StringBuilder sql = new StringBuilder(MEETING_SELECT).append(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (seriesSlug != null && !seriesSlug.isBlank()) {
            sql.append(" AND s.slug = :slug");
            params.put("slug", seriesSlug.trim());
        }
        if (from != null) {
            sql.append(" AND m.starts_at >= :from");
            params.put("from", from);
        }
        if (to != null) {
            sql.append(" AND m.starts_at < :to");
            params.put("to", to);
        }
        if (!drafts) {
            sql.append(" AND m.status <> 'DRAFT'");
        }
        sql.append(" ORDER BY m.starts_at, m.id");
        return jdbc.sql(sql.toString()).params(params).query(this::meetingRow).list();
    }

    /**
     * The same meetings as lists show them: those not yet over first, soonest first, so that what is
     * coming is on top; then those over, latest first. A meeting without an end is over once it started.
     */
    List<MeetingView> upcomingFirst(List<MeetingView> meetings) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Predicate<MeetingView> toCome = m -> !(m.endsAt() != null ? m.endsAt() : m.startsAt()).isBefore(now);
        Comparator<MeetingView> byStart = Comparator.comparing(MeetingView::startsAt, OffsetDateTime.timeLineOrder())
                .thenComparingLong(MeetingView::id);
        List<MeetingView> sorted = new ArrayList<>(meetings.stream().filter(toCome).sorted(byStart).toList());
        sorted.addAll(meetings.stream().filter(toCome.negate()).sorted(byStart.reversed()).toList());
        return sorted;
    }

    /** 提醒 — published meetings that are over but not yet closed with their report. */
    List<MeetingView> awaitingReport() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql(MEETING_SELECT + " WHERE m.status = 'PUBLISHED' AND COALESCE(m.ends_at, m.starts_at) < :now "
                + "ORDER BY m.starts_at").param("now", now).query(this::meetingRow).list();
    }

    @Transactional
    MeetingView createMeeting(MeetingCommand cmd) {
        Checks checks = new Checks();
        checks.required("series", cmd.series());
        checks.required("number", cmd.number()).check(cmd.number() == null || cmd.number() > 0, "number",
                "validation.positive");
        checks.required("title", cmd.title()).maxLength("title", cmd.title(), 200);
        checks.required("startsAt", cmd.startsAt());
        OffsetDateTime startsAt = instant(checks, "startsAt", cmd.startsAt());
        OffsetDateTime endsAt = instant(checks, "endsAt", cmd.endsAt());
        if (startsAt != null && endsAt != null) {
            checks.check(endsAt.isAfter(startsAt), "endsAt", "validation.endsBeforeStart");
        }
        checks.withinBounds("startsAt", startsAt).withinBounds("endsAt", endsAt);
        checks.required("venue", cmd.venue()).maxLength("venue", cmd.venue(), 200);
        checks.maxLength("host", cmd.host(), 200).maxLength("theme", cmd.theme(), 300)
                .maxLength("themeCategory", cmd.themeCategory(), 100);
        checks.check(cmd.capacity() == null || cmd.capacity() > 0, "capacity", "validation.positive");
        MeetingStatus status = checks.oneOf("status", cmd.status(), MeetingStatus.class);
        checks.check(status != MeetingStatus.CLOSED, "status", "validation.oneOf", "DRAFT, PUBLISHED");
        checks.throwIfAny();
        SeriesRef series = series(cmd.series().trim())
                .orElseThrow(() -> Problems.invalid("series", "validation.unknownSeries", cmd.series().trim()));
        boolean taken = jdbc.sql("SELECT COUNT(*) FROM meeting WHERE series_id = :s AND seq_no = :n")
                .param("s", series.id()).param("n", cmd.number()).query(Long.class).single() > 0;
        if (taken) {
            throw Problems.duplicate("number", cmd.number());
        }
        Long categoryId = cmd.themeCategory() == null || cmd.themeCategory().isBlank() ? null
                : categoryId(series.id(), cmd.themeCategory().trim());
        OffsetDateTime now = OffsetDateTime.now(clock);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO meeting (series_id, seq_no, title, starts_at, ends_at, venue, host, theme, theme_category_id,
                                     capacity, self_registration, status, created_at, updated_at)
                VALUES (:series, :number, :title, :startsAt, :endsAt, :venue, :host, :theme, :category, :capacity,
                        :selfRegistration, :status, :now, :now)""")
                .param("series", series.id()).param("number", cmd.number()).param("title", cmd.title().trim())
                .param("startsAt", startsAt).param("endsAt", endsAt).param("venue", cmd.venue().trim())
                .param("host", blankToNull(cmd.host())).param("theme", blankToNull(cmd.theme()))
                .param("category", categoryId).param("capacity", cmd.capacity())
                .param("selfRegistration", Boolean.TRUE.equals(cmd.selfRegistration()))
                .param("status", (status == null ? MeetingStatus.PUBLISHED : status).name()).param("now", now)
                .update(keys, "id");
        MeetingView created = findMeeting(keys.getKey().longValue()).orElseThrow();
        audit.record("meeting.created", "meeting", Long.toString(created.id()), null, created);
        events.publishEvent(new MeetingEvent.Created(created.id(), series.slug(), created.number()));
        return created;
    }

    @Transactional
    MeetingView publish(long id) {
        MeetingView before = lock(id);
        if (before.status() != MeetingStatus.DRAFT) {
            throw Problems.conflict(Problems.INVALID_TRANSITION, "problem.meetingTransition",
                    Problems.term("meeting.status.", before.status()), Problems.term("meeting.status.", MeetingStatus.PUBLISHED));
        }
        MeetingView after = update(before, "meeting.published", "UPDATE meeting SET status = 'PUBLISHED', "
                + "version = version + 1, updated_at = :now WHERE id = :id", Map.of());
        events.publishEvent(new MeetingEvent.Published(id));
        return after;
    }

    /** 结束 — closes a published meeting with its report; who came and what was decided is final then. */
    @Transactional
    MeetingView close(long id, String report) {
        MeetingView before = lock(id);
        if (before.status() != MeetingStatus.PUBLISHED) {
            throw Problems.conflict(Problems.INVALID_TRANSITION, "problem.meetingTransition",
                    Problems.term("meeting.status.", before.status()), Problems.term("meeting.status.", MeetingStatus.CLOSED));
        }
        new Checks().required("report", report).maxLength("report", report, 20000).throwIfAny();
        MeetingView after = update(before, "meeting.closed", "UPDATE meeting SET status = 'CLOSED', report = :report, "
                + "closed_at = :now, version = version + 1, updated_at = :now WHERE id = :id",
                Map.of("report", report.trim()));
        events.publishEvent(new MeetingEvent.Closed(id));
        return after;
    }

    /** 会议纪要 — the minutes, which may be attached or corrected after the meeting closed too. */
    @Transactional
    MeetingView setMinutes(long id, String minutes) {
        MeetingView before = lock(id);
        new Checks().required("minutes", minutes).maxLength("minutes", minutes, 50000).throwIfAny();
        MeetingView after = update(before, "meeting.minutes", "UPDATE meeting SET minutes = :minutes, "
                + "version = version + 1, updated_at = :now WHERE id = :id", Map.of("minutes", minutes.trim()));
        events.publishEvent(new MeetingEvent.MinutesRecorded(id));
        return after;
    }

    private MeetingView update(MeetingView before, String action, String sql, Map<String, Object> params) {
        jdbc.sql(sql).params(params).param("now", OffsetDateTime.now(clock)).param("id", before.id()).update();
        MeetingView after = findMeeting(before.id()).orElseThrow();
        audit.record(action, "meeting", Long.toString(before.id()), before, after);
        return after;
    }

    /**
     * Locks the meeting's row until the transaction ends, so that whatever depends on its seats and
     * its status (registrations, invitations, check-in, closing) is decided one at a time, on every
     * app node. Lock the meeting before anything else, and before recording to the audit trail,
     * which locks its own head row: one order everywhere, so no two transactions wait on each other.
     */
    MeetingView lock(long id) {
        jdbc.sql("SELECT id FROM meeting WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional()
                .orElseThrow(() -> Problems.notFound("meeting", id));
        return meetingView(id);
    }

    // --- agenda

    List<AgendaItemView> agenda(long meetingId) {
        Map<Long, List<String>> documents = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT d.item_id, d.title FROM agenda_document d JOIN agenda_item i ON i.id = d.item_id
                WHERE i.meeting_id = :m ORDER BY d.item_id, d.sort_order""").param("m", meetingId)
                .query((rs, n) -> documents.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        return jdbc.sql("SELECT * FROM agenda_item WHERE meeting_id = :m ORDER BY sort_order, id").param("m", meetingId)
                .query((rs, n) -> new AgendaItemView(rs.getLong("id"), rs.getInt("sort_order"),
                        AgendaKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("presenter"),
                        List.copyOf(documents.getOrDefault(rs.getLong("id"), List.of())), rs.getString("decision")))
                .list();
    }

    @Transactional
    AgendaItemView addAgendaItem(long meetingId, AgendaItemCommand cmd) {
        MeetingView meeting = lock(meetingId);
        Checks checks = new Checks();
        checks.required("kind", cmd.kind());
        AgendaKind kind = checks.oneOf("kind", cmd.kind(), AgendaKind.class);
        checks.required("title", cmd.title()).maxLength("title", cmd.title(), 500);
        checks.maxLength("presenter", cmd.presenter(), 200).maxLength("decision", cmd.decision(), 20000);
        List<String> documents = cmd.documents() == null ? List.of()
                : cmd.documents().stream().filter(d -> d != null && !d.isBlank()).map(String::trim).toList();
        for (int i = 0; i < documents.size(); i++) {
            checks.maxLength("documents[" + i + "]", documents.get(i), 500);
        }
        checks.throwIfAny();
        refuseIfClosed(meeting);
        int order = jdbc.sql("SELECT COUNT(*) FROM agenda_item WHERE meeting_id = :m").param("m", meetingId)
                .query(Integer.class).single() + 1;
        OffsetDateTime now = OffsetDateTime.now(clock);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO agenda_item (meeting_id, sort_order, kind, title, presenter, decision, created_at, updated_at)
                VALUES (:m, :order, :kind, :title, :presenter, :decision, :now, :now)""")
                .param("m", meetingId).param("order", order).param("kind", kind.name())
                .param("title", cmd.title().trim()).param("presenter", blankToNull(cmd.presenter()))
                .param("decision", blankToNull(cmd.decision())).param("now", now).update(keys, "id");
        long id = keys.getKey().longValue();
        for (int i = 0; i < documents.size(); i++) {
            jdbc.sql("INSERT INTO agenda_document (item_id, title, sort_order) VALUES (:i, :t, :o)").param("i", id)
                    .param("t", documents.get(i)).param("o", i).update();
        }
        AgendaItemView created = agendaItem(meetingId, id);
        audit.record("agenda.added", "agenda_item", Long.toString(id), null, created);
        events.publishEvent(new MeetingEvent.AgendaItemAdded(meetingId, id));
        return created;
    }

    /** 决定 — records what the meeting decided on an item. */
    @Transactional
    AgendaItemView recordDecision(long meetingId, long itemId, String decision) {
        MeetingView meeting = lock(meetingId);
        AgendaItemView before = agendaItem(meetingId, itemId);
        new Checks().required("decision", decision).maxLength("decision", decision, 20000).throwIfAny();
        refuseIfClosed(meeting);
        jdbc.sql("UPDATE agenda_item SET decision = :d, updated_at = :now WHERE id = :id").param("d", decision.trim())
                .param("now", OffsetDateTime.now(clock)).param("id", itemId).update();
        AgendaItemView after = agendaItem(meetingId, itemId);
        audit.record("agenda.decided", "agenda_item", Long.toString(itemId), before, after);
        events.publishEvent(new MeetingEvent.DecisionRecorded(meetingId, itemId));
        return after;
    }

    private AgendaItemView agendaItem(long meetingId, long itemId) {
        return agenda(meetingId).stream().filter(i -> i.id() == itemId).findFirst()
                .orElseThrow(() -> Problems.notFound("agenda item", itemId));
    }

    static void refuseIfClosed(MeetingView meeting) {
        if (meeting.status() == MeetingStatus.CLOSED) {
            throw Problems.conflict("MEETING_CLOSED", "problem.meetingClosed", meeting.title());
        }
    }

    // --- rows

    private MeetingView meetingRow(ResultSet rs, int row) throws SQLException {
        MeetingStatus status = MeetingStatus.valueOf(rs.getString("status"));
        boolean selfRegistration = rs.getBoolean("self_registration");
        int capacity = rs.getInt("capacity");
        Integer cap = rs.wasNull() ? null : capacity;
        return new MeetingView(rs.getLong("id"), rs.getString("slug"), rs.getString("series_name"),
                rs.getInt("seq_no"), rs.getString("title"), local(rs, "starts_at"), local(rs, "ends_at"),
                rs.getString("venue"), rs.getString("host"), rs.getString("theme"), rs.getString("category"), cap,
                selfRegistration, status, rs.getLong("seats_taken"), rs.getLong("waitlisted"), rs.getLong("attended"),
                selfRegistration && status == MeetingStatus.PUBLISHED, rs.getString("report"), rs.getString("minutes"));
    }

    /** In the city's own time zone, whichever database stored it. */
    OffsetDateTime local(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(zone).toOffsetDateTime();
    }

    /**
     * An ISO-8601 instant with its offset, as the contract asks; a local date-time without one (as
     * a form's datetime-local field sends it) is read in the city's time zone.
     */
    private OffsetDateTime instant(Checks checks, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value.trim()).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                checks.add(field, "validation.instant");
                return null;
            }
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
