package org.civicdesk.platform.internal;

import java.io.IOException;
import java.util.Locale;

import org.civicdesk.shared.ProblemException;
import org.civicdesk.shared.web.ProblemResponses;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem detail from inside the security filters, where no controller advice reaches. */
@Component
class ProblemWriter {

    private final ProblemResponses problems;
    private final LocaleResolver locales;
    private final JsonMapper json;

    ProblemWriter(ProblemResponses problems, LocaleResolver locales, JsonMapper json) {
        this.problems = problems;
        this.locales = locales;
        this.json = json;
    }

    void write(HttpServletRequest request, HttpServletResponse response, ProblemException ex) throws IOException {
        Locale previous = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(locales.resolveLocale(request));
        try {
            ProblemDetail pd = problems.toProblem(ex);
            response.setStatus(ex.status().value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(json.writeValueAsString(pd));
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
    }
}
