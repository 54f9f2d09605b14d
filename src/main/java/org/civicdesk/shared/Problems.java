package org.civicdesk.shared;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/** The refusals every module raises, with the codes of the API contract. */
public final class Problems {

    public static final String VALIDATION_FAILED = "VALIDATION_FAILED";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String FORBIDDEN = "FORBIDDEN";
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String INVALID_TOKEN = "INVALID_TOKEN";
    public static final String INVALID_TRANSITION = "INVALID_TRANSITION";

    private Problems() {
    }

    /** 400: one field is bad; the message key explains why. */
    public static ProblemException invalid(String field, String messageKey, Object... args) {
        return invalid(List.of(new FieldViolation(field, messageKey, args)));
    }

    /** 400: several fields are bad at once, so the client can fix them all in one go. */
    public static ProblemException invalid(List<FieldViolation> violations) {
        return new ProblemException(HttpStatus.BAD_REQUEST, VALIDATION_FAILED, "problem.validation", violations);
    }

    /** 404: the thing named by the path does not exist (or is not visible to the caller). */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(HttpStatus.NOT_FOUND, NOT_FOUND, "problem.notFound", List.of(), thing(what), id);
    }

    /**
     * 404 as for {@link #notFound}, for a thing that a field of the request names, such as the
     * account to invite: the field is named too, so that a form shows the refusal beside it.
     */
    public static ProblemException notFoundIn(String field, String what, Object id) {
        return new ProblemException(HttpStatus.NOT_FOUND, NOT_FOUND, "problem.notFound",
                List.of(new FieldViolation(field, "problem.notFound", thing(what), id)), thing(what), id);
    }

    /** 409: the request conflicts with the current state of the thing it acts on. */
    public static ProblemException conflict(String code, String messageKey, Object... args) {
        return new ProblemException(HttpStatus.CONFLICT, code, messageKey, List.of(), args);
    }

    /** 409: a code or name that must be unique is taken already. */
    public static ProblemException duplicate(String field, Object value) {
        return new ProblemException(HttpStatus.CONFLICT, "DUPLICATE",
                "problem.duplicate", List.of(new FieldViolation(field, "problem.duplicate", fieldName(field), value)),
                fieldName(field), value);
    }

    public static ProblemException forbidden() {
        return new ProblemException(HttpStatus.FORBIDDEN, FORBIDDEN, "problem.forbidden", List.of());
    }

    /** A request body that is missing or is not JSON at all. */
    public static ProblemException malformed() {
        return new ProblemException(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "problem.malformed", List.of());
    }

    /** A bearer token that is unknown, expired or revoked. */
    public static ProblemException invalidToken() {
        return new ProblemException(HttpStatus.UNAUTHORIZED, INVALID_TOKEN, "problem.invalidToken", List.of());
    }

    public static ProblemException unauthenticated() {
        return new ProblemException(HttpStatus.UNAUTHORIZED, UNAUTHENTICATED, "problem.unauthenticated", List.of());
    }

    /**
     * The kind of thing a message names, in the reader's language ({@code problem.thing.account} is
     * 账号): the message source resolves it when it formats the message.
     */
    private static MessageSourceResolvable thing(String what) {
        return new DefaultMessageSourceResolvable(new String[] { "problem.thing." + what.replace(' ', '-') }, what);
    }

    /**
     * A value of a closed set as the reader's language names it, for a message that names a state:
     * {@code term("meeting.status.", DRAFT)} reads 草稿, not DRAFT.
     */
    public static MessageSourceResolvable term(String prefix, Enum<?> value) {
        return new DefaultMessageSourceResolvable(new String[] { prefix + value.name() }, value.name());
    }

    /** The name of a field as a message names it ({@code problem.field.code} is 代码). */
    private static MessageSourceResolvable fieldName(String field) {
        return new DefaultMessageSourceResolvable(new String[] { "problem.field." + field }, field);
    }
}
