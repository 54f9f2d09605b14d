package org.civicdesk.places.internal;

import java.time.LocalDate;

import org.civicdesk.shared.Checks;
import org.civicdesk.shared.web.ListFilter;

/**
 * The filter form above a list of bookings: the place, where they stand, words of the topic or the
 * place's name, and the days of the visits.
 */
class BookingFilter extends ListFilter {

    private String place;

    /** What the list is narrowed to; null fields do not narrow it. */
    record Criteria(Long place, BookingStatus status, String text, LocalDate from, LocalDate to) {
    }

    Criteria criteria(Checks checks) {
        Long p = ListFilter.id(checks, "place", place);
        BookingStatus s = checks.oneOf("status", getStatus(), BookingStatus.class);
        LocalDate start = ListFilter.date(checks, "from", getFrom());
        LocalDate end = ListFilter.date(checks, "to", getTo());
        ListFilter.period(checks, start, end);
        return new Criteria(p, s, ListFilter.text(checks, "q", getQ()), start, end);
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }
}
