package org.civicdesk.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;

/**
 * The rules every value a person sends must keep, whatever the field: the JSON reader and the form
 * binder apply them to every text and date before a service sees it, and a service applies them to
 * a date it parses from text itself.
 *
 * <ul>
 * <li>A date lies between {@link #EARLIEST} and {@link #LATEST}: nothing the city handles is older or
 * further ahead, and a date a million years away would make the working-day arithmetic walk for ever.</li>
 * <li>Text holds no control characters other than tab, line feed and carriage return, and no half of a
 * surrogate pair: PostgreSQL cannot store NUL, and the others only hide text from readers and
 * searches.</li>
 * </ul>
 */
public final class InputRules {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    private static final Instant FIRST_MOMENT = EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant AFTER_LAST_MOMENT = LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    /** The message key of a date out of bounds; its arguments are {@link #EARLIEST} and {@link #LATEST}. */
    public static final String DATE_RANGE = "validation.dateRange";
    /** The message key of text with a forbidden character; its argument is the character's code point, U+XXXX. */
    public static final String CONTROL_CHARACTER = "validation.controlCharacter";

    private InputRules() {
    }

    public static boolean withinBounds(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    /**
     * Whether a date or a moment lies within the bounds. A moment counts by its date in UTC, so that
     * the bounds do not depend on the offset it is written with (nor overflow for a moment far away).
     */
    public static boolean withinBounds(TemporalAccessor value) {
        if (value instanceof LocalDate d) {
            return withinBounds(d);
        } else if (value instanceof LocalDateTime t) {
            return withinBounds(t.toLocalDate());
        } else if (value instanceof OffsetDateTime t) {
            return withinBounds(t.toInstant());
        } else if (value instanceof ZonedDateTime t) {
            return withinBounds(t.toInstant());
        } else if (value instanceof Instant i) {
            return !i.isBefore(FIRST_MOMENT) && i.isBefore(AFTER_LAST_MOMENT);
        }
        throw new IllegalArgumentException("Not a date or a moment: " + value.getClass());
    }

    /** The violation of a date out of bounds, or {@code null} when it is within them (or absent). */
    public static FieldViolation dateViolation(String field, TemporalAccessor value) {
        return value == null || withinBounds(value) ? null : new FieldViolation(field, DATE_RANGE, EARLIEST, LATEST);
    }

    /**
     * The first character that text may not hold, as a code point, or {@code -1} when it has none: a
     * control character other than tab, line feed and carriage return, or a lone surrogate.
     */
    public static int forbiddenCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
                return c;
            }
        }
        return -1;
    }

    /** The violation of text with a forbidden character, or {@code null} when it has none (or is absent). */
    public static FieldViolation textViolation(String field, String text) {
        if (text == null) {
            return null;
        }
        int bad = forbiddenCharacter(text);
        return bad < 0 ? null : new FieldViolation(field, CONTROL_CHARACTER, codePoint(bad));
    }

    static String codePoint(int c) {
        return String.format("U+%04X", c);
    }
}
