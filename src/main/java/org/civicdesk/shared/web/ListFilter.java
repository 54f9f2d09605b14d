package org.civicdesk.shared.web;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.civicdesk.shared.Checks;
import org.civicdesk.shared.InputRules;
import org.civicdesk.shared.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The filters of a long back-office list, sent by GET so that a filtered page has an address of its own
 * and its {@link Pager} links keep them: a text to look for, a status and a period. A list with more
 * filters extends it. Bad values are shown as a form's are: the error summary names each field and the
 * message stands beside it ({@link #refused}).
 */
public class ListFilter implements Serializable {

    private String q;
    private String status;
    private String from;
    private String to;

    /** The text looked for as a lower-case {@code LIKE} pattern, or {@code null} when none is asked for. */
    public String like() {
        return q == null || q.isBlank() ? null : "%" + q.trim().toLowerCase(Locale.ROOT) + "%";
    }

    /** The status asked for, or {@code null} for all; an unknown one is a violation of {@code status}. */
    public <E extends Enum<E>> E status(Checks checks, Class<E> type) {
        return checks.oneOf("status", status, type);
    }

    /** The first day of the period asked for, or {@code null}; nonsense is a violation of {@code from}. */
    public LocalDate from(Checks checks) {
        return date(checks, "from", from);
    }

    /**
     * The last day of the period asked for, or {@code null}; nonsense, or a day before the first, is a
     * violation of {@code to}.
     */
    public LocalDate to(Checks checks) {
        LocalDate last = date(checks, "to", to);
        LocalDate first = checks.has("from") ? null : date(new Checks(), "from", from);
        checks.check(last == null || first == null || !last.isBefore(first), "to", "validation.toBeforeFrom");
        return last;
    }

    private static LocalDate date(Checks checks, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            if (InputRules.withinBounds(date)) {
                return date;
            }
            checks.withinBounds(field, date);
        } catch (DateTimeParseException e) {
            checks.add(field, "validation.type");
        }
        return null;
    }

    /**
     * Whether the filter has a bad value: then each violation is put beside its field of the filter
     * form and the page is answered 400, to be shown without lines.
     */
    public static boolean refused(Checks checks, BindingResult filter, HttpServletResponse response) {
        if (checks.ok()) {
            return false;
        }
        FormErrors.reject(filter, Problems.invalid(checks.violations()));
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return true;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
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
