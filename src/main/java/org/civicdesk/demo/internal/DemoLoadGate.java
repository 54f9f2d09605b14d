package org.civicdesk.demo.internal;

import java.io.IOException;
import java.time.Duration;

import org.civicdesk.demo.DemoCityLoad;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Holds API requests while the demo city loads, for a few seconds on a first start: a client that
 * began as soon as the node reported UP then reads one whole city, and its writes never wait on the
 * load's long transactions (the tallies of matters, the ledger). Pages are not held; they say that the
 * demo is loading. Past {@link #PATIENCE} a request goes on regardless, so that a load stuck behind
 * another node's never keeps the API shut.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DemoLoadGate extends OncePerRequestFilter {

    static final Duration PATIENCE = Duration.ofMinutes(2);

    private final DemoCityLoad demo;

    DemoLoadGate(DemoCityLoad demo) {
        this.demo = demo;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (demo.loading()) {
            try {
                demo.await(PATIENCE);
            } catch (IllegalStateException failedOrSlow) {
                // The loader logged why; the request is answered with what the database has.
            }
        }
        chain.doFilter(request, response);
    }
}
