package org.civicdesk.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.civicdesk.shared.ProblemException;
import org.civicdesk.shared.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.core.JacksonException;

/**
 * Answers every refused API request with a problem detail that has a stable {@code code}. It goes
 * first, because a REST controller is also a controller and must not get the HTML error page.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ProblemResponses problems;
    private final MessageSource messages;

    public ApiExceptionHandler(ProblemResponses problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException ex) {
        return problems.respond(problems.toProblem(ex));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException ex) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
            errors.add(ProblemResponses.fieldError(fe.getField(), messages.getMessage(fe, LocaleContextHolder.getLocale())));
        }
        ex.getBindingResult().getGlobalErrors().forEach(ge -> errors.add(ProblemResponses.fieldError(ge.getObjectName(),
                messages.getMessage(ge, LocaleContextHolder.getLocale()))));
        return validation(errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException ex) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(e -> ProblemResponses.fieldError(
                        r.getMethodParameter().getParameterName(),
                        messages.getMessage(e, LocaleContextHolder.getLocale()))))
                .collect(Collectors.toList());
        return validation(errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
        if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = jackson.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = jackson instanceof StrictInput.RefusedValue refused
                    ? problems.message(refused.violation().messageKey(), refused.violation().args())
                    : problems.message("validation.type");
            return validation(List.of(ProblemResponses.fieldError(field, message)));
        }
        return problems.respond(problems.toProblem(Problems.malformed()));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException ex) {
        return validation(List.of(ProblemResponses.fieldError(ex.getHeaderName(), problems.message("validation.required"))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException ex) {
        return validation(List.of(ProblemResponses.fieldError(ex.getParameterName(), problems.message("validation.required"))));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex) {
        return validation(List.of(ProblemResponses.fieldError("file", problems.message("validation.uploadTooLarge"))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return validation(List.of(ProblemResponses.fieldError(ex.getName(), problems.message("validation.type"))));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException ex) {
        return problems.respond(problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                problems.message("problem.mediaType"), List.of()));
    }

    /** The problem is written whatever the client accepts: an error must say what went wrong. */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
        return problems.respond(problems.problem(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE",
                problems.message("problem.notAcceptable"), List.of()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException ex) {
        return problems.respond(problems.problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                problems.message("problem.method", ex.getMethod()), List.of()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException ex) {
        return problems.respond(problems.problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND,
                problems.message("problem.noResource", ex.getResourcePath()), List.of()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException ex) {
        return problems.respond(problems.toProblem(Problems.forbidden()));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException ex) {
        return problems.respond(problems.problem(HttpStatus.CONFLICT, "DUPLICATE",
                problems.message("problem.duplicateUnknown"), List.of()));
    }

    @ExceptionHandler({ OptimisticLockingFailureException.class, PessimisticLockingFailureException.class })
    ResponseEntity<ProblemDetail> concurrent(RuntimeException ex) {
        return problems.respond(problems.problem(HttpStatus.CONFLICT, "CONCURRENT_UPDATE",
                problems.message("problem.concurrent"), List.of()));
    }

    /**
     * The firewall checks a header's value only when it is read, which for a header bound to a
     * controller's argument is inside the handler: refused there, it is the client's fault as much as
     * an address the firewall refuses before any filter runs.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException ex) {
        return problems.respond(problems.problem(HttpStatus.BAD_REQUEST, "REQUEST_REJECTED",
                problems.message("problem.requestRejected"), List.of()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("Unexpected error", ex);
        return problems.respond(problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                problems.message("problem.internal"), List.of()));
    }

    private ResponseEntity<ProblemDetail> validation(List<Map<String, String>> errors) {
        String detail = problems.message("problem.validation") + " " + ProblemResponses.describe(errors);
        return problems.respond(problems.problem(HttpStatus.BAD_REQUEST, Problems.VALIDATION_FAILED, detail, errors));
    }
}
