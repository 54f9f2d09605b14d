package org.civicdesk.places.internal;

import java.time.LocalDate;

import org.civicdesk.shared.Checks;
import org.civicdesk.shared.web.ListFilter;

/** The filter form above the honours: who gave them, words of the honour or the organisation, when. */
class HonourFilter extends ListFilter {

    private String level;

    /** What the list is narrowed to; null fields do not narrow it. */
    record Criteria(HonourLevel level, String text, LocalDate from, LocalDate to) {
    }

    Criteria criteria(Checks checks) {
        HonourLevel l = checks.oneOf("level", level, HonourLevel.class);
        LocalDate start = ListFilter.date(checks, "from", getFrom());
        LocalDate end = ListFilter.date(checks, "to", getTo());
        ListFilter.period(checks, start, end);
        return new Criteria(l, ListFilter.text(checks, "q", getQ()), start, end);
    }

    public String getLevel() {
        return level;
    }

    public void setLevel(String level) {
        this.level = level;
    }
}
