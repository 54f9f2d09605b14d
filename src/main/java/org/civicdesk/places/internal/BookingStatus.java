package org.civicdesk.places.internal;

/** Where a booking stands; only CONFIRMED bookings take up the place's capacity. */
enum BookingStatus {
    REQUESTED, CONFIRMED, DECLINED, CANCELLED
}
