package org.civicdesk.shared.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.civicdesk.shared.FieldViolation;
import org.civicdesk.shared.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Turns refusals into RFC 9457 problem details in the reader's language. Every problem carries a
 * stable {@code code}; a validation problem also lists each bad field in {@code errors} and names
 * them in {@code detail}.
 */
@Component
public class ProblemResponses {

    private final MessageSource messages;

    public ProblemResponses(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail toProblem(ProblemException ex) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldViolation v : ex.violations()) {
            errors.add(fieldError(v.field(), messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale)));
        }
        String detail = messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), locale);
        if (!errors.isEmpty()) {
            detail = detail + " " + describe(errors);
        }
        return problem(ex.status(), ex.code(), detail, errors);
    }

    public ProblemDetail problem(HttpStatus status, String code, String detail, List<Map<String, String>> errors) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail pd = ProblemDetail.forStatus(status);
        pd.setType(URI.create("https://civicdesk.org/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        pd.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale));
        pd.setDetail(detail);
        pd.setProperty("code", code);
        if (!errors.isEmpty()) {
            pd.setProperty("errors", errors);
        }
        return pd;
    }

    public ResponseEntity<ProblemDetail> respond(ProblemDetail pd) {
        return ResponseEntity.status(pd.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    public String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    static Map<String, String> fieldError(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    static String describe(List<Map<String, String>> errors) {
        StringBuilder sb = new StringBuilder();
        for (Map<String, String> e : errors) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(e.get("field")).append(": ").append(e.get("message"));
        }
        return sb.toString();
    }
}
