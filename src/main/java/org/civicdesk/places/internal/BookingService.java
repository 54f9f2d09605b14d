package org.civicdesk.places.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.civicdesk.audit.AuditTrail;
import org.civicdesk.directory.Directory;
import org.civicdesk.directory.OrgSummary;
import org.civicdesk.places.BookingEvent;
import org.civicdesk.places.internal.Commands.BookingCommand;
import org.civicdesk.places.internal.Views.BookingView;
import org.civicdesk.places.internal.Views.PlaceView;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.CitySettings;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.web.ListFilter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 点单/预约 — group visits that an organisation books at a place. Any signed-in account books for
 * its own organisation; the place's manager (or an administrator) confirms or declines; the
 * requester may cancel and, after the visit, leave feedback. Confirmed bookings that overlap in time
 * on a day never add up to more people than the place holds.
 */
@Service
@Transactional(readOnly = true)
class BookingService {

    static final String CAPACITY_EXCEEDED = "CAPACITY_EXCEEDED";

    private static final String SELECT = """
            SELECT b.*, p.name AS place_name FROM booking b JOIN place p ON p.id = b.place_id""";
    private static final String COUNT = "SELECT COUNT(*) FROM booking b JOIN place p ON p.id = b.place_id";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final PlaceService places;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    BookingService(JdbcClient jdbc, AuditTrail audit, PlaceService places, Directory directory,
            ApplicationEventPublisher events, Clock clock, CitySettings city) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.places = places;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
        this.zone = city.timeZone();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    @Transactional
    BookingView request(long placeId, BookingCommand cmd) {
        Actor actor = Actor.require();
        PlaceView place = places.place(placeId);
        Checks checks = new Checks();
        checks.check(actor.orgCode() != null, "org", "places.validation.noOrg");
        checks.required("date", cmd.date());
        LocalDate date = parse(checks, "date", cmd.date(), LocalDate::parse, "places.validation.date");
        checks.check(date == null || !date.isBefore(today()), "date", "validation.pastDate").withinBounds("date", date);
        checks.required("startTime", cmd.startTime()).required("endTime", cmd.endTime());
        LocalTime start = parse(checks, "startTime", cmd.startTime(), LocalTime::parse, "places.validation.time");
        LocalTime end = parse(checks, "endTime", cmd.endTime(), LocalTime::parse, "places.validation.time");
        checks.check(start == null || end == null || end.isAfter(start), "endTime", "validation.endsBeforeStart");
        checks.required("groupSize", cmd.groupSize());
        checks.check(cmd.groupSize() == null || cmd.groupSize() > 0, "groupSize", "validation.positive");
        checks.check(cmd.groupSize() == null || cmd.groupSize() <= place.capacity(), "groupSize",
                "places.validation.groupSize", place.capacity());
        checks.required("topic", cmd.topic()).maxLength("topic", cmd.topic(), 300);
        checks.throwIfAny();
        OffsetDateTime now = OffsetDateTime.now(clock);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO booking (place_id, org_code, requested_by, visit_date, start_time, end_time, group_size,
                                     topic, status, created_at, updated_at)
                VALUES (:place, :org, :by, :date, :start, :end, :size, :topic, 'REQUESTED', :now, :now)""")
                .param("place", placeId).param("org", actor.orgCode()).param("by", actor.username())
                .param("date", date).param("start", start).param("end", end).param("size", cmd.groupSize())
                .param("topic", cmd.topic().trim()).param("now", now).update(keys, "id");
        BookingView created = find(keys.getKey().longValue());
        audit.record("booking.requested", "booking", Long.toString(created.id()), null, created);
        events.publishEvent(new BookingEvent.Requested(created.id(), placeId, date, cmd.groupSize()));
        return created;
    }

    /** The booking, for whoever may see it: its requester, its organisation, the place's manager, an administrator. */
    BookingView booking(long id) {
        BookingView booking = find(id);
        Actor actor = Actor.require();
        boolean mayLook = actor.username().equals(booking.requestedBy())
                || booking.orgCode().equals(actor.orgCode())
                || PlaceService.manages(actor, places.place(booking.placeId()));
        if (!mayLook) {
            throw Problems.notFound("booking", id);
        }
        return booking;
    }

    /** The bookings the account asked for, latest visit first. */
    List<BookingView> mine() {
        return jdbc.sql(SELECT + " WHERE b.requested_by = :u ORDER BY b.visit_date DESC, b.start_time DESC, b.id DESC")
                .param("u", Actor.require().username()).query(this::row).list();
    }

    /** A page of the account's own bookings that the criteria select, latest visit first. */
    List<BookingView> mine(BookingFilter.Criteria criteria, long offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("u", Actor.require().username());
        return jdbc.sql(SELECT + " WHERE b.requested_by = :u" + where(criteria, params)
                + " ORDER BY b.visit_date DESC, b.start_time DESC, b.id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", limit).param("offset", offset).query(this::row).list();
    }

    long countMine(BookingFilter.Criteria criteria) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("u", Actor.require().username());
        return jdbc.sql(COUNT + " WHERE b.requested_by = :u" + where(criteria, params)).params(params)
                .query(Long.class).single();
    }

    /** A page of {@link #queue(Set)} that the criteria select. */
    List<BookingView> queue(BookingStatus status, BookingFilter.Criteria criteria, long offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = queueWhere(status, criteria, params);
        if (where == null) {
            return List.of();
        }
        return jdbc.sql(SELECT + where + " ORDER BY b.visit_date, b.start_time, b.id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", limit).param("offset", offset).query(this::row).list();
    }

    long countQueue(BookingStatus status, BookingFilter.Criteria criteria) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = queueWhere(status, criteria, params);
        return where == null ? 0 : jdbc.sql(COUNT + where).params(params).query(Long.class).single();
    }

    /** The places whose bookings the signed-in account decides on. */
    List<Long> managed() {
        return places.managedBy(Actor.require());
    }

    /** Null when the account manages no place, so nothing is in its queue. */
    private String queueWhere(BookingStatus status, BookingFilter.Criteria criteria, Map<String, Object> params) {
        List<Long> managed = managed();
        if (managed.isEmpty()) {
            return null;
        }
        params.put("places", managed);
        params.put("queued", status.name());
        return " WHERE b.place_id IN (:places) AND b.status = :queued" + where(criteria, params);
    }

    private static String where(BookingFilter.Criteria c, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        if (c.place() != null) {
            where.append(" AND b.place_id = :place");
            params.put("place", c.place());
        }
        if (c.status() != null) {
            where.append(" AND b.status = :status");
            params.put("status", c.status().name());
        }
        if (c.text() != null) {
            where.append(" AND (LOWER(b.topic) LIKE :text OR LOWER(p.name) LIKE :text)");
            params.put("text", ListFilter.like(c.text()));
        }
        if (c.from() != null) {
            where.append(" AND b.visit_date >= :from");
            params.put("from", c.from());
        }
        if (c.to() != null) {
            where.append(" AND b.visit_date <= :to");
            params.put("to", c.to());
        }
        return where.toString();
    }

    /**
     * 待审 — the bookings of the places the account manages (every place for an administrator),
     * soonest first, of the given statuses.
     */
    List<BookingView> queue(Set<BookingStatus> statuses) {
        List<Long> managed = places.managedBy(Actor.require());
        if (managed.isEmpty() || statuses.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE b.place_id IN (:places) AND b.status IN (:statuses) "
                + "ORDER BY b.visit_date, b.start_time, b.id").param("places", managed)
                .param("statuses", statuses.stream().map(Enum::name).toList()).query(this::row).list();
    }

    /**
     * Confirms a requested booking unless the confirmed bookings overlapping it in time on its day,
     * with it, would hold more people than the place does. The place's row stays locked until the
     * transaction ends, so two managers confirming at once are counted one after the other.
     */
    @Transactional
    BookingView confirm(long id) {
        Locked locked = lock(id);
        BookingView before = locked.booking();
        PlaceView place = locked.place();
        requireManager(place);
        requireStatus(before, BookingStatus.CONFIRMED, BookingStatus.REQUESTED);
        int taken = jdbc.sql("""
                SELECT COALESCE(SUM(group_size), 0) FROM booking
                WHERE place_id = :place AND visit_date = :date AND status = 'CONFIRMED'
                  AND start_time < :end AND end_time > :start""")
                .param("place", place.id()).param("date", before.date()).param("start", before.startTime())
                .param("end", before.endTime()).query(Integer.class).single();
        if (taken + before.groupSize() > place.capacity()) {
            throw Problems.conflict(CAPACITY_EXCEEDED, "places.problem.capacityExceeded", place.name(),
                    place.capacity(), taken, before.groupSize());
        }
        return decide(before, BookingStatus.CONFIRMED, null, "booking.confirmed");
    }

    @Transactional
    BookingView decline(long id, String reason) {
        Locked locked = lock(id);
        BookingView before = locked.booking();
        PlaceView place = locked.place();
        requireManager(place);
        new Checks().maxLength("reason", reason, 1000).throwIfAny();
        requireStatus(before, BookingStatus.DECLINED, BookingStatus.REQUESTED);
        return decide(before, BookingStatus.DECLINED, PlaceService.blankToNull(reason), "booking.declined");
    }

    /** 取消 — the requester (or the place's manager) calls a requested or confirmed visit off before its day. */
    @Transactional
    BookingView cancel(long id, String reason) {
        Locked locked = lock(id);
        BookingView before = locked.booking();
        PlaceView place = locked.place();
        Actor actor = Actor.require();
        if (!actor.username().equals(before.requestedBy()) && !PlaceService.manages(actor, place)) {
            throw Problems.forbidden();
        }
        new Checks().maxLength("reason", reason, 1000).throwIfAny();
        requireStatus(before, BookingStatus.CANCELLED, BookingStatus.REQUESTED, BookingStatus.CONFIRMED);
        return decide(before, BookingStatus.CANCELLED, PlaceService.blankToNull(reason), "booking.cancelled");
    }

    /** 反馈 — what the requesting organisation says after a confirmed visit took place. */
    @Transactional
    BookingView feedback(long id, String feedback) {
        BookingView before = find(id);
        if (!Actor.require().username().equals(before.requestedBy())) {
            throw Problems.forbidden();
        }
        new Checks().required("feedback", feedback).maxLength("feedback", feedback, 4000).throwIfAny();
        if (before.status() != BookingStatus.CONFIRMED || before.date().isAfter(today())) {
            throw Problems.conflict("VISIT_NOT_HELD", "places.problem.visitNotHeld");
        }
        jdbc.sql("UPDATE booking SET feedback = :f, updated_at = :now WHERE id = :id").param("f", feedback.trim())
                .param("now", OffsetDateTime.now(clock)).param("id", id).update();
        BookingView after = find(id);
        audit.record("booking.feedback", "booking", Long.toString(id), before, after);
        events.publishEvent(new BookingEvent.FeedbackGiven(id, before.placeId()));
        return after;
    }

    /** A booking and its place, as they are once the place is locked. */
    private record Locked(BookingView booking, PlaceView place) {
    }

    /**
     * Locks the booking's place, then reads the booking: whatever another transaction decided while
     * this one waited for the lock is seen.
     */
    private Locked lock(long id) {
        PlaceView place = places.lock(find(id).placeId());
        return new Locked(find(id), place);
    }

    private BookingView decide(BookingView before, BookingStatus to, String reason, String action) {
        jdbc.sql("""
                UPDATE booking SET status = :status, decided_by = :by, decided_at = :now, reason = :reason,
                       updated_at = :now WHERE id = :id""")
                .params(Map.of("status", to.name(), "by", Actor.currentName(), "now", OffsetDateTime.now(clock),
                        "id", before.id()))
                .param("reason", reason).update();
        BookingView after = find(before.id());
        audit.record(action, "booking", Long.toString(before.id()), before, after);
        events.publishEvent(switch (to) {
            case CONFIRMED -> new BookingEvent.Confirmed(before.id(), before.placeId(), before.placeName(),
                    before.date(), before.requestedBy());
            case DECLINED -> new BookingEvent.Declined(before.id(), before.placeId(), before.placeName(),
                    before.date(), before.requestedBy());
            case CANCELLED -> new BookingEvent.Cancelled(before.id(), before.placeId());
            case REQUESTED -> throw new IllegalArgumentException("A decision cannot make a booking requested again");
        });
        return after;
    }

    private static void requireManager(PlaceView place) {
        if (!PlaceService.manages(Actor.require(), place)) {
            throw Problems.forbidden();
        }
    }

    private static void requireStatus(BookingView booking, BookingStatus to, BookingStatus... from) {
        if (!List.of(from).contains(booking.status())) {
            throw Problems.conflict(Problems.INVALID_TRANSITION, "places.problem.bookingTransition",
                    Problems.term("places.booking.status.", booking.status()), Problems.term("places.booking.status.", to));
        }
    }

    private BookingView find(long id) {
        return jdbc.sql(SELECT + " WHERE b.id = :id").param("id", id).query(this::row).optional()
                .orElseThrow(() -> Problems.notFound("booking", id));
    }

    /** Parses a date or time field, naming the field with the message key when it does not parse. */
    static <T> T parse(Checks checks, String field, String text, Function<String, T> parser, String key) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parser.apply(text.trim());
        } catch (DateTimeParseException e) {
            checks.add(field, key);
            return null;
        }
    }

    private BookingView row(ResultSet rs, int n) throws SQLException {
        String org = rs.getString("org_code");
        return new BookingView(rs.getLong("id"), rs.getLong("place_id"), rs.getString("place_name"),
                org, directory.findOrg(org).map(OrgSummary::localName).orElse(org), rs.getString("requested_by"),
                rs.getObject("visit_date", LocalDate.class), rs.getObject("start_time", LocalTime.class), rs.getObject("end_time", LocalTime.class),
                rs.getInt("group_size"), rs.getString("topic"), BookingStatus.valueOf(rs.getString("status")),
                rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class), rs.getString("reason"),
                rs.getString("feedback"));
    }
}
