package org.civicdesk.places.internal;

import org.civicdesk.places.HonourCommand;
import org.civicdesk.places.PlaceCommand;
import org.civicdesk.places.Places;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The places module's commands for other modules, under the rule its API applies: an ADMIN gives them. */
@Service
@PreAuthorize("hasRole('ADMIN')")
class PlacesFacade implements Places {

    private final PlaceService places;
    private final HonourService honours;

    PlacesFacade(PlaceService places, HonourService honours) {
        this.places = places;
        this.honours = honours;
    }

    @Override
    public void recordPlace(PlaceCommand place) {
        places.create(place);
    }

    @Override
    public void recordHonour(HonourCommand honour) {
        honours.record(honour);
    }
}
