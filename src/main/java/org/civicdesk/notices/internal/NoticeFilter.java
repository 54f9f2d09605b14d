package org.civicdesk.notices.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.civicdesk.shared.Checks;
import org.civicdesk.shared.web.ListFilter;

/**
 * The filter form above a list of notices, as the address gives it: the public filters by kind,
 * publisher, words of the title and the period it was published in; administrators by kind, status
 * and words of the title or text.
 */
class NoticeFilter extends ListFilter {

    private String kind;
    private String issuer;

    /**
     * What the list is narrowed to; null fields do not narrow it.
     *
     * @param since published at or after; {@code until} published before
     */
    record Criteria(NoticeKind kind, String status, String issuer, String text, OffsetDateTime since,
            OffsetDateTime until) {
    }

    /** The criteria, with the period's days counted in the city's time zone. */
    Criteria criteria(Checks checks, ZoneId zone) {
        NoticeKind k = checks.oneOf("kind", kind, NoticeKind.class);
        String s = null;
        if (getStatus() != null && !getStatus().isBlank()) {
            s = getStatus().trim();
            checks.check(Notice.DRAFT.equals(s) || Notice.PUBLISHED.equals(s), "status", "validation.oneOf",
                    Notice.DRAFT + ", " + Notice.PUBLISHED);
        }
        LocalDate start = ListFilter.date(checks, "from", getFrom());
        LocalDate end = ListFilter.date(checks, "to", getTo());
        ListFilter.period(checks, start, end);
        String text = ListFilter.text(checks, "q", getQ());
        return new Criteria(k, s, issuer == null || issuer.isBlank() ? null : issuer.trim(), text,
                start == null ? null : start.atStartOfDay(zone).toOffsetDateTime(),
                end == null ? null : end.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }
}
