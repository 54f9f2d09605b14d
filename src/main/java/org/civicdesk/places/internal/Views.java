package org.civicdesk.places.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/** What the API and the pages show of places, bookings and honours. */
final class Views {

    private Views() {
    }

    /** A place as the public map lists it. */
    record PlaceSummary(long id, String name, PlaceKind kind, PlaceLevel level, String district, BigDecimal lat,
            BigDecimal lon) {
    }

    /**
     * @param approximate whether the coordinates only place it roughly, e.g. within its district
     * @param example whether the place is made up for the demo (示例)
     */
    record PlaceView(long id, String name, PlaceKind kind, PlaceLevel level, String district, String address,
            String description, BigDecimal lat, BigDecimal lon, boolean approximate, int capacity, String manager,
            boolean example, String openingHours, String contact, List<CourseView> courses) {

        PlaceSummary summary() {
            return new PlaceSummary(id, name, kind, level, district, lat, lon);
        }

        PublicPlaceView publicView() {
            return new PublicPlaceView(id, name, kind, level, district, address, description, lat, lon, approximate,
                    capacity, example, openingHours, contact, courses);
        }
    }

    /** A place as anyone reads it: without its manager, whose account is nobody else's business. */
    record PublicPlaceView(long id, String name, PlaceKind kind, PlaceLevel level, String district, String address,
            String description, BigDecimal lat, BigDecimal lon, boolean approximate, int capacity, boolean example,
            String openingHours, String contact, List<CourseView> courses) {
    }

    record CourseView(long id, String title, String description) {
    }

    record BookingView(long id, long placeId, String placeName, String orgCode, String orgName, String requestedBy, LocalDate date,
            LocalTime startTime, LocalTime endTime, int groupSize, String topic, BookingStatus status,
            String decidedBy, OffsetDateTime decidedAt, String reason, String feedback) {
    }

    record HonourView(long id, String title, String awardingBody, LocalDate awardedOn, HonourLevel level,
            String orgCode, String orgName, String citation) {
    }
}
