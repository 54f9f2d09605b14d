package org.civicdesk.platform.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.civicdesk.shared.ProblemException;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Positive;

/**
 * A per-address limit on every public write: each POST, PUT, PATCH or DELETE under
 * {@code /api/v1/public/} and each public form ({@code /public/}) takes a token from the bucket of
 * the address it comes from; once the bucket is empty, the write is refused with 429
 * {@code RATE_LIMITED} and a {@code Retry-After} header, before anything else is done. The buckets
 * live in the database ({@link DatabaseBuckets}), so a flood spread over the nodes of a city meets
 * one limit. Reading is never limited here.
 *
 * <p>The address is the connection's, as the servlet container gives it: behind a proxy that the
 * forwarded-headers setting trusts it is the client's, and a header the client sets itself never
 * chooses its own bucket.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@EnableConfigurationProperties(PublicWriteLimit.Settings.class)
class PublicWriteLimit extends OncePerRequestFilter {

    static final String RATE_LIMITED = "RATE_LIMITED";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final DatabaseBuckets buckets;
    private final BucketConfiguration limit;
    private final ProblemWriter problems;

    PublicWriteLimit(DataSource dataSource, Settings settings, ProblemWriter problems) {
        this.buckets = new DatabaseBuckets(dataSource, settings.period());
        this.limit = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(settings.writes()).refillGreedy(settings.writes(), settings.period()))
                .build();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !WRITES.contains(request.getMethod())
                || !(path.startsWith("/api/v1/public/") || path.startsWith("/public/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsumptionProbe probe = buckets.getProxy("public-write:" + request.getRemoteAddr(), () -> limit)
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        problems.write(request, response, new ProblemException(HttpStatus.TOO_MANY_REQUESTS, RATE_LIMITED,
                "problem.rateLimited", List.of(), seconds));
    }

    /** Rows of buckets that are full again are no longer needed: one left alone is the same as none. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void removeFullBuckets() {
        buckets.removeExpired();
    }

    /**
     * How many public writes one address may make (CIVICDESK_PUBLIC_WRITES_WRITES) per period
     * (CIVICDESK_PUBLIC_WRITES_PERIOD); the allowance refills evenly over the period, so a burst of
     * up to the whole allowance passes at once.
     */
    @ConfigurationProperties("civicdesk.public-writes")
    @Validated
    record Settings(@DefaultValue("300") @Positive long writes,
            @DefaultValue("5m") @DurationMin(seconds = 1) Duration period) {
    }
}
