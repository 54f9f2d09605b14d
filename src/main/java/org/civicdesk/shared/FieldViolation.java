package org.civicdesk.shared;

/**
 * One bad field of a refused request: its name as the client sent it, and the message key
 * (with arguments) that explains why, so the reason is told in the reader's language.
 */
public record FieldViolation(String field, String messageKey, Object... args) {
}
