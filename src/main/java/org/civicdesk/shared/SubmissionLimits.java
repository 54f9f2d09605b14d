package org.civicdesk.shared;

import java.time.Duration;

/**
 * Limits on what anyone may send without signing in (a code, an anonymous report), counted in
 * buckets every node shares, so that a flood spread over the nodes of a city meets one limit. The
 * platform keeps the buckets; a module names its bucket by what it limits and whose it is, such as
 * {@code "appeal-report:" + client address}.
 */
public interface SubmissionLimits {

    /**
     * Takes one of {@code allowance} submissions per {@code period} from the bucket, which refills
     * evenly over the period; refuses with 429 {@code RATE_LIMITED}, the message {@code messageKey}
     * (given the seconds to wait) and the seconds to wait when none is left.
     */
    void take(String bucket, long allowance, Duration period, String messageKey);
}
