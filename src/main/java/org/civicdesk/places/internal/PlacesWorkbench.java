package org.civicdesk.places.internal;

import java.util.List;

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

/** The places pages in the menus, and on a manager's workbench the bookings of its places to decide. */
@Component
@Transactional(readOnly = true)
class PlacesWorkbench implements NavEntries, DeskCounts {

    private final JdbcClient jdbc;
    private final PlaceService places;

    PlacesWorkbench(JdbcClient jdbc, PlaceService places) {
        this.jdbc = jdbc;
        this.places = places;
    }

    @Override
    public List<NavEntry> entries() {
        return List.of(
                NavEntry.everyone(NavGroup.PUBLIC, 80, "places.nav.map", "/public/places"),
                NavEntry.everyone(NavGroup.PUBLIC, 90, "honours.nav", "/public/honours"),
                NavEntry.forRoles(NavGroup.PLACES, 10, "places.nav.queue", "/places/queue", Role.PLACE_MANAGER,
                        Role.ADMIN),
                NavEntry.signedIn(NavGroup.PLACES, 20, "places.nav.mine", "/places/bookings"));
    }

    @Override
    public List<DeskCount> countsFor(Actor actor) {
        if (!actor.has(Role.PLACE_MANAGER) && !actor.has(Role.ADMIN)) {
            return List.of();
        }
        List<Long> managed = places.managedBy(actor);
        long waiting = managed.isEmpty() ? 0 : jdbc.sql("SELECT COUNT(*) FROM booking WHERE place_id IN (:places) "
                + "AND status = :requested").param("places", managed).param("requested", BookingStatus.REQUESTED.name())
                .query(Long.class).single();
        return List.of(DeskCount.urgent(NavGroup.PLACES, 10, "places.desk.queue", waiting, "/places/queue"));
    }
}
