package org.civicdesk.platform.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.civicdesk.shared.ProblemException;
import org.civicdesk.shared.Problems;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers every error that happens before or outside a controller: an address that nothing serves,
 * a method or media type an address does not take, an address the firewall refuses. Under
 * {@code /api/} the answer is a problem detail with a {@code code}, as the contract promises for every
 * error; elsewhere it is the error page.
 *
 * <p>This replaces Spring Boot's error controller, which answers a script with JSON of its own shape.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorAnswers implements ErrorController {

    /** The codes of statuses that only the container or the framework gives. */
    private static final Map<Integer, String> CODES = Map.of(400, "BAD_REQUEST", 401, Problems.UNAUTHENTICATED,
            403, Problems.FORBIDDEN, 404, Problems.NOT_FOUND, 405, "METHOD_NOT_ALLOWED", 406, "NOT_ACCEPTABLE",
            413, "PAYLOAD_TOO_LARGE", 415, "UNSUPPORTED_MEDIA_TYPE", 500, "INTERNAL_ERROR");

    private final ProblemWriter problems;

    ErrorAnswers(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = status(request);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (isApi(path)) {
            problems.write(request, response, problem(status, request, path));
            return null;
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        return page;
    }

    /**
     * The firewall refuses an address with a {@code ;}, an encoded {@code /} or {@code %}, a NUL and
     * the like before any filter runs; the API hears why as a problem, a page reader gets the error page.
     */
    @Bean
    static RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, rejected) -> {
            if (isApi(request.getRequestURI())) {
                problems.write(request, response, new ProblemException(HttpStatus.BAD_REQUEST, "REQUEST_REJECTED",
                        "problem.requestRejected", List.of()));
            } else {
                response.sendError(HttpStatus.BAD_REQUEST.value());
            }
        };
    }

    /**
     * Tomcat itself would refuse an encoded slash ({@code %2F}) with its own HTML page before the
     * application sees the request; passed through as it is, the firewall above refuses it instead.
     */
    @Bean
    static TomcatConnectorCustomizer encodedSlashToFirewall() {
        return connector -> connector.setEncodedSolidusHandling("passthrough");
    }

    /**
     * Tomcat refuses some addresses itself (a NUL, {@code %00}, or a path that climbs above the root)
     * before any application code runs, and its error report would be an HTML page. This valve runs
     * first in the engine and answers such a refusal of an API address as a problem instead.
     */
    @Bean
    static WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> apiRefusalsAsProblems(
            ObjectProvider<ProblemWriter> problems) {
        return factory -> factory.addEngineValves(new ValveBase(true) {
            @Override
            public void invoke(Request request, Response response) throws IOException, ServletException {
                if (response.isError() && request.getContext() == null && isApi(request.getRequestURI())) {
                    HttpStatus status = HttpStatus.resolve(response.getStatus());
                    response.setSuspended(false);
                    response.setErrorReported();
                    problems.getObject().write(request, response, problem(
                            status == null ? HttpStatus.BAD_REQUEST : status, request, request.getRequestURI()));
                    return;
                }
                getNext().invoke(request, response);
            }
        });
    }

    private static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static ProblemException problem(HttpStatus status, HttpServletRequest request, String path) {
        String code = CODES.getOrDefault(status.value(), status.is4xxClientError() ? "BAD_REQUEST" : "INTERNAL_ERROR");
        return switch (status) {
            case NOT_FOUND -> new ProblemException(status, code, "problem.noResource", List.of(), path);
            case METHOD_NOT_ALLOWED -> new ProblemException(status, code, "problem.method", List.of(), request.getMethod());
            case NOT_ACCEPTABLE -> new ProblemException(status, code, "problem.notAcceptable", List.of());
            case UNSUPPORTED_MEDIA_TYPE -> new ProblemException(status, code, "problem.mediaType", List.of());
            case INTERNAL_SERVER_ERROR -> new ProblemException(status, code, "problem.internal", List.of());
            default -> new ProblemException(status, code, "problem.status", List.of(), status.value());
        };
    }
}
