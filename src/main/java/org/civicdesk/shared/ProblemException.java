package org.civicdesk.shared;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A refusal that the API reports as an RFC 9457 problem: an HTTP status, a stable machine
 * code (such as {@code MEETING_FULL}) and a message key for the human-readable detail.
 * Thrown inside a transaction, it rolls the transaction back, so a refused request changes
 * nothing.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String messageKey;
    private final transient Object[] args;
    private final transient List<FieldViolation> violations;

    public ProblemException(HttpStatus status, String code, String messageKey, List<FieldViolation> violations,
            Object... args) {
        super(code + ": " + messageKey);
        this.status = status;
        this.code = code;
        this.messageKey = messageKey;
        this.args = args;
        this.violations = List.copyOf(violations);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    /**
     * The violations with their field names placed under {@code where}, e.g. {@code rows[3].title}:
     * how an import reports each bad row of a file. A refusal without fields becomes one violation
     * of {@code where} itself.
     */
    public List<FieldViolation> violationsAt(String where) {
        if (violations.isEmpty()) {
            return List.of(new FieldViolation(where, messageKey, args()));
        }
        return violations.stream().map(v -> new FieldViolation(where + "." + v.field(), v.messageKey(), v.args()))
                .toList();
    }
}
