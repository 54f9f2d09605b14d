package org.civicdesk.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Locks a username out for a while after repeated failed sign-ins. Failures are counted in the
 * database, so the limit holds however many nodes the attempts are spread over.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    LoginThrottle(JdbcClient jdbc, Clock clock, SecuritySettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = settings.loginMaxFailures();
        this.lockout = settings.loginLockout();
    }

    boolean isLocked(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE username = :u AND failed_at > :since")
                .param("u", key(username)).param("since", OffsetDateTime.now(clock).minus(lockout))
                .query(Long.class).single() >= maxFailures;
    }

    void failed(String username) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("INSERT INTO login_failure (username, failed_at) VALUES (:u, :now)").param("u", key(username))
                .param("now", now).update();
        jdbc.sql("DELETE FROM login_failure WHERE failed_at < :old").param("old", now.minus(lockout.multipliedBy(4)))
                .update();
    }

    void succeeded(String username) {
        jdbc.sql("DELETE FROM login_failure WHERE username = :u").param("u", key(username)).update();
    }

    private static String key(String username) {
        String u = username == null ? "" : username.trim();
        return u.length() > 64 ? u.substring(0, 64) : u;
    }
}
