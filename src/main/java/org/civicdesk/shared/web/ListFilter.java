package org.civicdesk.shared.web;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.civicdesk.shared.Checks;
import org.civicdesk.shared.FieldViolation;
import org.civicdesk.shared.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The filters of a long list, sent by its filter form with GET so that a filtered page has an address
 * of its own and its {@link Pager} links keep them. As a form object it holds what most back-office
 * lists filter by (a text to look for, a status and a period); a list with more filters extends it or
 * reads its own with {@link #read}. A value that does not parse or is not one of the choices is refused
 * as a form's field is, named in the error summary and beside its field
 * ({@code templates/fragments/form.html}), with a 400 and no list: a list filtered otherwise than asked
 * would mislead.
 */
public class ListFilter implements Serializable {

    /** Longer free text than this finds nothing a title or a name could hold. */
    public static final int TEXT_LIMIT = 100;

    private String q;
    private String status;
    private String from;
    private String to;

    /** The text looked for as a lower-case {@code LIKE} pattern, or {@code null} when none is asked for. */
    public String like() {
        return q == null || q.isBlank() ? null : like(q.trim());
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
        period(checks, first, last);
        return last;
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

    /**
     * The criteria that {@code read} makes of the filter form, or empty when a field is bad; then
     * {@code form} (the binding of the filter form) holds each violation and the answer is a 400.
     */
    public static <T> Optional<T> read(BindingResult form, HttpServletResponse response, Function<Checks, T> read) {
        Checks checks = new Checks();
        T criteria = read.apply(checks);
        if (checks.ok()) {
            return Optional.of(criteria);
        }
        for (FieldViolation v : checks.violations()) {
            form.rejectValue(v.field(), v.messageKey(), v.args(), v.messageKey());
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return Optional.empty();
    }

    /** The id of a thing the list is narrowed to (a place, a meeting); blank means none. */
    public static Long id(Checks checks, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            checks.add(field, "validation.type");
            return null;
        }
    }

    /** A day as a date input sends it (2023-02-28); blank means no bound. */
    public static LocalDate date(Checks checks, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            checks.withinBounds(field, date);
            return date;
        } catch (DateTimeParseException e) {
            checks.add(field, "validation.date");
            return null;
        }
    }

    /** A period whose end, when both are given, is not before its start. */
    public static void period(Checks checks, LocalDate from, LocalDate to) {
        checks.check(from == null || to == null || !to.isBefore(from), "to", "validation.toBeforeFrom");
    }

    /** Free text to look for, trimmed; blank means no filter. */
    public static String text(Checks checks, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        checks.maxLength(field, value.trim(), TEXT_LIMIT);
        return value.trim();
    }

    /**
     * {@code %text%} for {@code LOWER(column) LIKE}, with LIKE's wildcards in the text taken literally
     * (backslash escapes in LIKE by default on both H2 and PostgreSQL).
     */
    public static String like(String text) {
        return "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
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
