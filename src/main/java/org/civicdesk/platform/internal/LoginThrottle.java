package org.civicdesk.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds back guessing at sign-in, in the database, so that it holds however many nodes the attempts
 * are spread over and however many arrive at once.
 * <p>
 * Every attempt is counted before its password is checked, by one conditional UPDATE that only a
 * row still under its limit passes: the database serialises the attempts on the row, so a hundred
 * guesses sent together test no more passwords than one after another would.
 * <p>
 * Attempts are counted per username and source address: after {@code loginMaxFailures} from one
 * address that address is held back for that username, for {@code loginHold}, twice as long each
 * further time, at most {@code loginMaxHold}. A stranger's guesses therefore never keep the owner,
 * signing in from elsewhere, out. Across all addresses a username has a ceiling of attempts per
 * short window, which spreads a guesser with many addresses out over time but lifts with each window,
 * so it never locks the account.
 * <p>
 * Every transaction here takes the row of the source before the row of every source, so that attempts
 * at one username running at once wait for each other rather than deadlock.
 */
@Component
class LoginThrottle {

    /** The source of the row that counts a username's attempts from every address together. */
    private static final String EVERY_SOURCE = "*";

    /**
     * How long an idle row is kept: the failures since the last sign-in are shown to an owner who
     * signs in within this time.
     */
    private static final Duration RETENTION = Duration.ofDays(30);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecuritySettings settings;

    LoginThrottle(JdbcClient jdbc, Clock clock, SecuritySettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /** Whether an attempt may have its password checked, and if not, how long to wait. */
    record Admission(boolean admitted, Duration retryAfter) {

        static final Admission ADMITTED = new Admission(true, Duration.ZERO);
    }

    /**
     * Counts an attempt for the username from the source, and admits it if both the source and the
     * username are under their limits. An admitted attempt must end in {@link #failed} or
     * {@link #succeeded}.
     */
    @Transactional
    Admission admit(String username, String source) {
        String u = key(username);
        String s = source(source);
        OffsetDateTime now = now();
        Admission admission;
        if (!count(u, s, settings.loginMaxFailures(), settings.loginMaxHold(), now)) {
            admission = refused(u, s, settings.loginMaxHold(), now);
        } else if (!count(u, EVERY_SOURCE, settings.loginAccountCeiling(), settings.loginAccountWindow(), now)) {
            jdbc.sql("UPDATE login_throttle SET attempts = attempts - 1 WHERE username = :u AND source = :s AND attempts > 0")
                    .param("u", u).param("s", s).update();
            admission = refused(u, EVERY_SOURCE, settings.loginAccountWindow(), now);
        } else {
            return Admission.ADMITTED;
        }
        failedSinceSignIn(u);
        return admission;
    }

    /**
     * An admitted attempt failed. The failure that uses up the source's attempts holds the source back;
     * of failures running at once only one wins the conditional UPDATE, so each hold is counted once.
     */
    @Transactional
    void failed(String username, String source) {
        String u = key(username);
        String s = source(source);
        OffsetDateTime now = now();
        int held = jdbc.sql("""
                UPDATE login_throttle SET attempts = 0, holds = holds + 1, held_until = :now
                WHERE username = :u AND source = :s AND attempts >= :max AND (held_until IS NULL OR held_until <= :now)""")
                .param("u", u).param("s", s).param("max", settings.loginMaxFailures()).param("now", now).update();
        if (held == 1) {
            int holds = jdbc.sql("SELECT holds FROM login_throttle WHERE username = :u AND source = :s")
                    .param("u", u).param("s", s).query(Integer.class).single();
            jdbc.sql("UPDATE login_throttle SET held_until = :until WHERE username = :u AND source = :s")
                    .param("until", now.plus(hold(holds))).param("u", u).param("s", s).update();
        }
        failedSinceSignIn(u);
        jdbc.sql("DELETE FROM login_throttle WHERE last_attempt_at < :old AND (held_until IS NULL OR held_until < :old)")
                .param("old", now.minus(RETENTION)).update();
    }

    /**
     * An admitted attempt signed in: its source starts afresh for the username, it no longer counts
     * towards the username's ceiling (which is there to slow guessing, not its owner), and the failed
     * and refused attempts since the last sign-in, from any address, are returned to be shown to the
     * owner and then forgotten.
     */
    @Transactional
    int succeeded(String username, String source) {
        String u = key(username);
        jdbc.sql("DELETE FROM login_throttle WHERE username = :u AND source = :s").param("u", u)
                .param("s", source(source)).update();
        int failed = jdbc.sql("SELECT failed_since_sign_in FROM login_throttle WHERE username = :u AND source = :s")
                .param("u", u).param("s", EVERY_SOURCE).query(Integer.class).optional().orElse(0);
        jdbc.sql("""
                UPDATE login_throttle SET failed_since_sign_in = 0, attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END
                WHERE username = :u AND source = :s""").param("u", u).param("s", EVERY_SOURCE).update();
        return failed;
    }

    /**
     * Lifts every hold on the username, from every address, and its ceiling; the failures since its
     * last sign-in are still shown to the owner.
     */
    void unlock(String username) {
        jdbc.sql("UPDATE login_throttle SET attempts = 0, holds = 0, held_until = NULL WHERE username = :u")
                .param("u", key(username)).update();
    }

    private void failedSinceSignIn(String u) {
        jdbc.sql("UPDATE login_throttle SET failed_since_sign_in = failed_since_sign_in + 1 WHERE username = :u AND source = :s")
                .param("u", u).param("s", EVERY_SOURCE).update();
    }

    /**
     * Counts one attempt on the row if it is under {@code limit} attempts in its window and not held,
     * starting a new window when the last one is over; false if the row refused it.
     */
    private boolean count(String u, String s, int limit, Duration window, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO login_throttle (username, source, attempts, window_start, last_attempt_at)
                VALUES (:u, :s, 0, :now, :now) ON CONFLICT DO NOTHING""")
                .param("u", u).param("s", s).param("now", now).update();
        return jdbc.sql("""
                UPDATE login_throttle
                SET attempts = CASE WHEN window_start <= :stale THEN 1 ELSE attempts + 1 END,
                    window_start = CASE WHEN window_start <= :stale THEN :now ELSE window_start END,
                    last_attempt_at = :now
                WHERE username = :u AND source = :s AND (held_until IS NULL OR held_until <= :now)
                  AND (attempts < :limit OR window_start <= :stale)""")
                .param("u", u).param("s", s).param("now", now).param("stale", now.minus(window))
                .param("limit", limit).update() == 1;
    }

    private Admission refused(String u, String s, Duration window, OffsetDateTime now) {
        record Row(OffsetDateTime windowStart, OffsetDateTime heldUntil) {
        }
        Row row = jdbc.sql("SELECT window_start, held_until FROM login_throttle WHERE username = :u AND source = :s")
                .param("u", u).param("s", s).query(Row.class).single();
        OffsetDateTime until = row.heldUntil() != null && row.heldUntil().isAfter(now) ? row.heldUntil()
                : row.windowStart().plus(window);
        Duration wait = Duration.between(now, until);
        return new Admission(false, wait.isNegative() ? Duration.ZERO : wait);
    }

    /** The hold after {@code holds} holds in a row: the first one long, each further one twice as long. */
    private Duration hold(int holds) {
        Duration hold = settings.loginHold();
        for (int i = 1; i < holds && hold.compareTo(settings.loginMaxHold()) < 0; i++) {
            hold = hold.multipliedBy(2);
        }
        return hold.compareTo(settings.loginMaxHold()) > 0 ? settings.loginMaxHold() : hold;
    }

    /** Usernames differ only in case at most, so attempts at either spelling are counted together. */
    /**
     * The time in the microseconds both databases store: a window start read back then equals the one
     * written, so a hold's remaining time is exact (PostgreSQL rounds finer fractions, H2 cuts them).
     */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static String key(String username) {
        String u = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return u.length() > 100 ? u.substring(0, 100) : u;
    }

    private static String source(String address) {
        String a = address == null || address.isBlank() ? "unknown" : address.trim();
        return a.length() > 64 ? a.substring(0, 64) : a;
    }
}
