package org.civicdesk.places;

/**
 * What an administrator records on the map and in the honours registry, for other modules that
 * record on someone's behalf (the demo city does). Each command is the one the places API takes,
 * refused unless the acting person is an ADMIN, checked and audited as the API does.
 */
public interface Places {

    void recordPlace(PlaceCommand place);

    void recordHonour(HonourCommand honour);
}
