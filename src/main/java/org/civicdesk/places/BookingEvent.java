package org.civicdesk.places;

import java.time.LocalDate;

/**
 * What happens to an organisation's booking (预约) of a group visit to a place, published in the
 * transaction that makes it happen and delivered to other modules' listeners once it commits.
 */
public sealed interface BookingEvent {

    long bookingId();

    long placeId();

    /** An organisation asked to visit on a day; the place's manager decides. */
    record Requested(long bookingId, long placeId, LocalDate visitDate, int groupSize) implements BookingEvent {
    }

    /** The manager confirmed it within the place's capacity; {@code requestedBy} (an account) is told. */
    record Confirmed(long bookingId, long placeId, String placeName, LocalDate visitDate, String requestedBy)
            implements BookingEvent {
    }

    /** The manager declined it; {@code requestedBy} (an account) is told. */
    record Declined(long bookingId, long placeId, String placeName, LocalDate visitDate, String requestedBy)
            implements BookingEvent {
    }

    /** 取消 — called off before its day, by the requester or the manager. */
    record Cancelled(long bookingId, long placeId) implements BookingEvent {
    }

    /** 反馈 — the organisation said how the visit went. */
    record FeedbackGiven(long bookingId, long placeId) implements BookingEvent {
    }
}
