package org.civicdesk.places.internal;

import java.time.LocalDate;

import org.civicdesk.shared.Checks;
import org.civicdesk.shared.web.ListFilter;

/**
 * The filter form above a list of bookings: the place, where they stand, words of the topic or the
 * place's name, and the days of the visits.
 */
class BookingFilter {

    private String place;
    private String status;
    private String q;
    private String from;
    private String to;

    /** What the list is narrowed to; null fields do not narrow it. */
    record Criteria(Long place, BookingStatus status, String text, LocalDate from, LocalDate to) {
    }

    Criteria criteria(Checks checks) {
        Long p = null;
        if (place != null && !place.isBlank()) {
            try {
                p = Long.valueOf(place.trim());
            } catch (NumberFormatException e) {
                checks.add("place", "validation.type");
            }
        }
        BookingStatus s = checks.oneOf("status", status, BookingStatus.class);
        LocalDate start = ListFilter.date(checks, "from", from);
        LocalDate end = ListFilter.date(checks, "to", to);
        ListFilter.period(checks, start, end);
        return new Criteria(p, s, ListFilter.text(checks, "q", q), start, end);
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }
}
