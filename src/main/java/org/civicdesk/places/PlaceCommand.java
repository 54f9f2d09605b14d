package org.civicdesk.places;

import java.math.BigDecimal;

/**
 * A place on the map as an administrator or another module records it; the places module checks
 * every field.
 *
 * @param kind {@code TRAINING_BASE}, {@code TEACHING_POINT}, {@code COMMUNITY} or {@code VENUE}
 * @param level {@code PROVINCIAL}, {@code MUNICIPAL} or {@code COUNTY}
 * @param lat degrees north, within ±90
 * @param lon degrees east, within ±180
 * @param capacity how many visitors it takes at a time
 * @param manager the PLACE_MANAGER account that confirms its bookings, or {@code null}
 * @param approximate whether the coordinates are only roughly right (a village or a county seat
 *        rather than the door), which the map says
 * @param example whether the place is made up (示例), as a city's training or demonstration data is;
 *        set when the place is recorded and kept by every change after
 * @param openingHours when visitors are received, as the place words it (e.g. 周二至周日 9:00—17:00)
 * @param contact whom visitors ask: the place's public telephone or office, never a person's own number
 */
public record PlaceCommand(String name, String kind, String level, String district, BigDecimal lat, BigDecimal lon,
        Integer capacity, String manager, String address, String description, Boolean approximate, Boolean example,
        String openingHours, String contact) {
}
