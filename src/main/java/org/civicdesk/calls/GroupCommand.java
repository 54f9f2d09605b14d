package org.civicdesk.calls;

/**
 * A group a call seeks, e.g. 20 men under 65.
 *
 * @param sex {@code M} or {@code F}, or {@code null} for either
 * @param minAge inclusive, or {@code null}
 * @param maxAge exclusive, as a call prints it: 65 means "65岁以下", not yet 65 on the day of applying
 */
public record GroupCommand(String code, String name, Integer quota, String sex, Integer minAge, Integer maxAge) {
}
