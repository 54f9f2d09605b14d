package org.civicdesk.shared.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

import org.civicdesk.shared.Checks;
import org.civicdesk.shared.FieldViolation;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads the filters of a long list from the address, where the list's filter form sends them with
 * GET so that a filtered page has a link and its pager keeps the filter. A value that does not parse
 * or is not one of the choices is refused as a form's field is, named in the error summary and
 * beside its field ({@code templates/fragments/form.html}), with a 400 and no list: a list filtered
 * otherwise than asked would mislead.
 */
public final class ListFilter {

    /** Longer free text than this finds nothing a title or a name could hold. */
    public static final int TEXT_LIMIT = 100;

    private ListFilter() {
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
        return "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
