package org.civicdesk.places.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civicdesk.audit.AuditTrail;
import org.civicdesk.directory.Directory;
import org.civicdesk.places.PlaceCommand;
import org.civicdesk.places.PlaceEvent;
import org.civicdesk.places.internal.Commands.CourseCommand;
import org.civicdesk.places.internal.Views.CourseView;
import org.civicdesk.places.internal.Views.PlaceSummary;
import org.civicdesk.places.internal.Views.PlaceView;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the places and the courses they offer. Administrators record and change places; a place's
 * manager (a PLACE_MANAGER account) may add courses to it.
 */
@Service
@Transactional(readOnly = true)
class PlaceService {

    private static final BigDecimal NINETY = BigDecimal.valueOf(90);
    private static final BigDecimal ONE_EIGHTY = BigDecimal.valueOf(180);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PlaceService(JdbcClient jdbc, AuditTrail audit, Directory directory, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /** The places of a kind and level (either may be null for all), by level, kind and name. */
    List<PlaceSummary> places(PlaceKind kind, PlaceLevel level) {
        StringBuilder sql = new StringBuilder("SELECT * FROM place WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (kind != null) {
            sql.append(" AND kind = :kind");
            params.put("kind", kind.name());
        }
        if (level != null) {
            sql.append(" AND place_level = :level");
            params.put("level", level.name());
        }
        sql.append(" ORDER BY CASE place_level WHEN 'PROVINCIAL' THEN 0 WHEN 'MUNICIPAL' THEN 1 ELSE 2 END, kind, example, id");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs, List.of()).summary()).list();
    }

    /** Full records of the places for the public pages, in the same order as {@link #places}. */
    List<PlaceView> placeViews(PlaceKind kind, PlaceLevel level) {
        return places(kind, level).stream().map(p -> place(p.id())).toList();
    }

    Optional<PlaceView> find(long id) {
        return jdbc.sql("SELECT * FROM place WHERE id = :id").param("id", id)
                .query((rs, n) -> row(rs, courses(id))).optional();
    }

    PlaceView place(long id) {
        return find(id).orElseThrow(() -> Problems.notFound("place", id));
    }

    /** The places this account manages; all of them for an administrator. */
    List<Long> managedBy(Actor actor) {
        if (actor.has(Role.ADMIN)) {
            return jdbc.sql("SELECT id FROM place ORDER BY id").query(Long.class).list();
        }
        return jdbc.sql("SELECT id FROM place WHERE manager = :u ORDER BY id").param("u", actor.username())
                .query(Long.class).list();
    }

    /** Whether the account may decide on the place's bookings and courses: ADMIN, or the place's PLACE_MANAGER. */
    static boolean manages(Actor actor, PlaceView place) {
        return actor.has(Role.ADMIN)
                || (actor.has(Role.PLACE_MANAGER) && actor.username().equals(place.manager()));
    }

    @Transactional
    PlaceView create(PlaceCommand cmd) {
        Validated v = validate(cmd);
        if (nameTaken(v.name(), null)) {
            throw Problems.duplicate("name", v.name());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO place (name, kind, place_level, district, address, description, lat, lon, approximate,
                                   capacity, manager, opening_hours, contact, example, created_at, updated_at)
                VALUES (:name, :kind, :level, :district, :address, :description, :lat, :lon, :approximate, :capacity,
                        :manager, :openingHours, :contact, :example, :now, :now)""")
                .params(v.params()).param("example", Boolean.TRUE.equals(cmd.example())).param("now", now)
                .update(keys, "id");
        PlaceView created = place(keys.getKey().longValue());
        audit.record("place.created", "place", Long.toString(created.id()), null, created);
        events.publishEvent(new PlaceEvent.Recorded(created.id()));
        return created;
    }

    @Transactional
    PlaceView update(long id, PlaceCommand cmd) {
        PlaceView before = lock(id);
        Validated v = validate(cmd);
        if (nameTaken(v.name(), id)) {
            throw Problems.duplicate("name", v.name());
        }
        jdbc.sql("""
                UPDATE place SET name = :name, kind = :kind, place_level = :level, district = :district,
                       address = :address, description = :description, lat = :lat, lon = :lon,
                       approximate = :approximate, capacity = :capacity, manager = :manager,
                       opening_hours = :openingHours, contact = :contact, version = version + 1,
                       updated_at = :now
                WHERE id = :id""").params(v.params()).param("now", OffsetDateTime.now(clock)).param("id", id).update();
        PlaceView after = place(id);
        audit.record("place.updated", "place", Long.toString(id), before, after);
        events.publishEvent(new PlaceEvent.Changed(id));
        return after;
    }

    @Transactional
    CourseView addCourse(long placeId, CourseCommand cmd) {
        PlaceView place = lock(placeId);
        if (!manages(Actor.require(), place)) {
            throw Problems.forbidden();
        }
        new Checks().required("title", cmd.title()).maxLength("title", cmd.title(), 200)
                .maxLength("description", cmd.description(), 2000).throwIfAny();
        String title = cmd.title().trim();
        if (place.courses().stream().anyMatch(c -> c.title().equals(title))) {
            throw Problems.duplicate("title", title);
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO place_course (place_id, title, description, sort_order) VALUES (:p, :t, :d, :o)")
                .param("p", placeId).param("t", title).param("d", blankToNull(cmd.description()))
                .param("o", place.courses().size()).update(keys, "id");
        CourseView created = new CourseView(keys.getKey().longValue(), title, blankToNull(cmd.description()));
        audit.record("place.courseAdded", "place", Long.toString(placeId), null, created);
        events.publishEvent(new PlaceEvent.CourseAdded(placeId, created.id()));
        return created;
    }

    /**
     * Locks the place's row until the transaction ends. Whatever is decided against its capacity
     * (confirming a booking) or changes it is decided one at a time this way, on every app node.
     * Lock the place before its bookings and before the audit trail's head row: one order everywhere.
     */
    PlaceView lock(long id) {
        jdbc.sql("SELECT id FROM place WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional()
                .orElseThrow(() -> Problems.notFound("place", id));
        return place(id);
    }

    private record Validated(String name, Map<String, Object> params) {
    }

    private Validated validate(PlaceCommand cmd) {
        Checks checks = new Checks();
        checks.required("name", cmd.name()).maxLength("name", cmd.name(), 200);
        checks.required("kind", cmd.kind());
        PlaceKind kind = checks.oneOf("kind", cmd.kind(), PlaceKind.class);
        checks.required("level", cmd.level());
        PlaceLevel level = checks.oneOf("level", cmd.level(), PlaceLevel.class);
        checks.required("district", cmd.district()).maxLength("district", cmd.district(), 100);
        checks.required("lat", cmd.lat()).check(cmd.lat() == null || within(cmd.lat(), NINETY), "lat",
                "places.validation.lat");
        checks.required("lon", cmd.lon()).check(cmd.lon() == null || within(cmd.lon(), ONE_EIGHTY), "lon",
                "places.validation.lon");
        checks.required("capacity", cmd.capacity()).check(cmd.capacity() == null || cmd.capacity() > 0, "capacity",
                "validation.positive");
        checks.maxLength("address", cmd.address(), 300).maxLength("description", cmd.description(), 2000)
                .maxLength("openingHours", cmd.openingHours(), 300).maxLength("contact", cmd.contact(), 200);
        String manager = blankToNull(cmd.manager());
        if (manager != null) {
            checks.check(directory.findAccount(manager).filter(a -> a.roles().contains(Role.PLACE_MANAGER)).isPresent(),
                    "manager", "places.validation.manager", manager);
        }
        checks.throwIfAny();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("name", cmd.name().trim());
        params.put("kind", kind.name());
        params.put("level", level.name());
        params.put("district", cmd.district().trim());
        params.put("address", blankToNull(cmd.address()));
        params.put("description", blankToNull(cmd.description()));
        params.put("lat", cmd.lat().setScale(6, RoundingMode.HALF_UP));
        params.put("lon", cmd.lon().setScale(6, RoundingMode.HALF_UP));
        params.put("approximate", Boolean.TRUE.equals(cmd.approximate()));
        params.put("capacity", cmd.capacity());
        params.put("manager", manager);
        params.put("openingHours", blankToNull(cmd.openingHours()));
        params.put("contact", blankToNull(cmd.contact()));
        return new Validated(cmd.name().trim(), params);
    }

    private static boolean within(BigDecimal value, BigDecimal bound) {
        return value.abs().compareTo(bound) <= 0;
    }

    private boolean nameTaken(String name, Long except) {
        return jdbc.sql("SELECT COUNT(*) FROM place WHERE name = :n AND id <> :id").param("n", name)
                .param("id", except == null ? -1L : except).query(Long.class).single() > 0;
    }

    private List<CourseView> courses(long placeId) {
        return jdbc.sql("SELECT id, title, description FROM place_course WHERE place_id = :p ORDER BY sort_order, id")
                .param("p", placeId)
                .query((rs, n) -> new CourseView(rs.getLong("id"), rs.getString("title"), rs.getString("description")))
                .list();
    }

    private static PlaceView row(ResultSet rs, List<CourseView> courses) throws SQLException {
        return new PlaceView(rs.getLong("id"), rs.getString("name"), PlaceKind.valueOf(rs.getString("kind")),
                PlaceLevel.valueOf(rs.getString("place_level")), rs.getString("district"), rs.getString("address"),
                rs.getString("description"), rs.getBigDecimal("lat"), rs.getBigDecimal("lon"),
                rs.getBoolean("approximate"), rs.getInt("capacity"), rs.getString("manager"), rs.getBoolean("example"),
                rs.getString("opening_hours"), rs.getString("contact"), courses);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
