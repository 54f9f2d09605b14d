package org.civicdesk.shared;

import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every bad field of a command before refusing it, so that one answer names all of
 * them. Used by services, so the API and the forms share one set of rules.
 */
public final class Checks {

    private final List<FieldViolation> violations = new ArrayList<>();

    public Checks required(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            add(field, "validation.required");
        }
        return this;
    }

    public Checks maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "validation.maxLength", max);
        }
        return this;
    }

    public Checks minLength(String field, String value, int min) {
        if (value != null && !value.isBlank() && value.length() < min) {
            add(field, "validation.minLength", min);
        }
        return this;
    }

    public Checks matches(String field, String value, Pattern pattern, String messageKey) {
        if (value != null && !value.isBlank() && !pattern.matcher(value).matches()) {
            add(field, messageKey);
        }
        return this;
    }

    public <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            add(field, "validation.oneOf", String.join(", ", names(type)));
            return null;
        }
    }

    /** Refuses a date or moment outside the bounds of {@link InputRules}. */
    public Checks withinBounds(String field, TemporalAccessor value) {
        FieldViolation violation = InputRules.dateViolation(field, value);
        if (violation != null) {
            violations.add(violation);
        }
        return this;
    }

    public Checks check(boolean ok, String field, String messageKey, Object... args) {
        if (!ok) {
            add(field, messageKey, args);
        }
        return this;
    }

    public void add(String field, String messageKey, Object... args) {
        violations.add(new FieldViolation(field, messageKey, args));
    }

    public boolean ok() {
        return violations.isEmpty();
    }

    public boolean has(String field) {
        return violations.stream().anyMatch(v -> v.field().equals(field));
    }

    public List<FieldViolation> violations() {
        return List.copyOf(violations);
    }

    /** Refuses with 400 naming every bad field, if there is any. */
    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
    }

    private static <E extends Enum<E>> List<String> names(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name());
        }
        return names;
    }
}
