package org.civicdesk.platform.internal;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.civicdesk.shared.ProblemException;
import org.civicdesk.shared.SubmissionLimits;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** {@link SubmissionLimits} in the {@link DatabaseBuckets} every node shares. */
@Component
class DatabaseSubmissionLimits implements SubmissionLimits {

    private final DatabaseBuckets buckets;

    DatabaseSubmissionLimits(DataSource dataSource) {
        this.buckets = new DatabaseBuckets(dataSource, Duration.ofMinutes(1));
    }

    @Override
    public void take(String bucket, long allowance, Duration period, String messageKey) {
        BucketConfiguration limit = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(allowance).refillGreedy(allowance, period)).build();
        ConsumptionProbe probe = buckets.getProxy(bucket, () -> limit).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, PublicWriteLimit.RATE_LIMITED, messageKey,
                    List.of(), seconds);
        }
    }

    /** Buckets full again are no longer needed: one left alone is the same as none. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @SchedulerLock(name = "platform.clearSubmissionLimits", lockAtMostFor = "10m")
    void removeFullBuckets() {
        buckets.removeExpired();
    }
}
