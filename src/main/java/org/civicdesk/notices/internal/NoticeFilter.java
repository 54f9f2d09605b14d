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
class NoticeFilter {

    private String kind;
    private String status;
    private String issuer;
    private String q;
    private String from;
    private String to;

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
        if (status != null && !status.isBlank()) {
            s = status.trim();
            checks.check(Notice.DRAFT.equals(s) || Notice.PUBLISHED.equals(s), "status", "validation.oneOf",
                    Notice.DRAFT + ", " + Notice.PUBLISHED);
        }
        LocalDate start = ListFilter.date(checks, "from", from);
        LocalDate end = ListFilter.date(checks, "to", to);
        ListFilter.period(checks, start, end);
        String text = ListFilter.text(checks, "q", q);
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

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
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
