package org.civicdesk.projects.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.civicdesk.shared.Checks;

/**
 * Reading the yuan amounts and dates of the reserve and the deals: exact decimals with two places, read
 * from the text the client sent (a JSON number is taken as its digits, never through a float) and
 * written as {@code "350000000.00"}.
 */
final class Amounts {

    private static final Pattern AMOUNT = Pattern.compile("\\d{1,14}(\\.\\d{1,2})?");

    private Amounts() {
    }

    /** The amount in {@code field}, or {@code null} after adding why it is not one. */
    static BigDecimal parse(Checks checks, String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                checks.add(field, "validation.required");
            }
            return null;
        }
        String trimmed = text.trim();
        if (!AMOUNT.matcher(trimmed).matches() || new BigDecimal(trimmed).signum() <= 0) {
            checks.add(field, "projects.validation.amount");
            return null;
        }
        return new BigDecimal(trimmed).setScale(2, RoundingMode.UNNECESSARY);
    }

    static String format(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** The date in {@code field}, or {@code null} after adding why it is not one. */
    static LocalDate date(Checks checks, String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                checks.add(field, "validation.required");
            }
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            checks.add(field, "projects.validation.date");
            return null;
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
