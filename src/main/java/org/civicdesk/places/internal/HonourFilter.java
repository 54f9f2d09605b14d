package org.civicdesk.places.internal;

import java.time.LocalDate;

import org.civicdesk.shared.Checks;
import org.civicdesk.shared.web.ListFilter;

/** The filter form above the honours: who gave them, words of the honour or the organisation, when. */
class HonourFilter {

    private String level;
    private String q;
    private String from;
    private String to;

    /** What the list is narrowed to; null fields do not narrow it. */
    record Criteria(HonourLevel level, String text, LocalDate from, LocalDate to) {
    }

    Criteria criteria(Checks checks) {
        HonourLevel l = checks.oneOf("level", level, HonourLevel.class);
        LocalDate start = ListFilter.date(checks, "from", from);
        LocalDate end = ListFilter.date(checks, "to", to);
        ListFilter.period(checks, start, end);
        return new Criteria(l, ListFilter.text(checks, "q", q), start, end);
    }

    public String getLevel() {
        return level;
    }

    public void setLevel(String level) {
        this.level = level;
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
