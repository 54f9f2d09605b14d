package org.civicdesk.platform.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.civicdesk.directory.Contact;
import org.civicdesk.notifications.Channel;
import org.civicdesk.notifications.Outbox;
import org.civicdesk.shared.FieldViolation;
import org.civicdesk.shared.ProblemException;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.SubmissionLimits;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Positive;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * 验证码 — one-time codes sent by SMS or e-mail to prove that a person holds a number or an address.
 * A code is six digits, kept only as a salted hash, valid for a few minutes and for a few attempts,
 * and used once. How many codes go out is limited twice, in the database buckets every node shares
 * ({@link DatabaseBuckets}): per number or address, so nobody floods a stranger's phone, and per
 * client address, so nobody walks through numbers ({@link SubmissionLimits}). Codes leave only through the
 * {@link Outbox}, after the transaction that made them commits.
 *
 * <p>{@link #check} is deliberately not transactional: the attempt it counts stays counted even when
 * the code is wrong and the refusal rolls back whatever the caller was doing.
 */
@Component
@EnableConfigurationProperties(Verification.Settings.class)
class Verification {

    static final String CODE_EXPIRED = "CODE_EXPIRED";
    static final String CODE_USED = "CODE_USED";
    static final String CODE_ATTEMPTS_EXHAUSTED = "CODE_ATTEMPTS_EXHAUSTED";

    enum Purpose {
        SIGN_UP, PASSWORD_RESET, SIGN_IN
    }

    /** A code as stored, with what waits for it; {@code username} is the account it concerns, if any. */
    record Pending(long id, String ticket, Purpose purpose, Contact contact, String username, String displayName,
            String passwordHash, String privacyNoticeVersion, OffsetDateTime createdAt) {
    }

    /** What a new code carries besides its number or address. */
    record Waiting(String username, String displayName, String passwordHash, String privacyNoticeVersion) {

        static final Waiting NOTHING = new Waiting(null, null, null, null);
    }

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final PasswordEncoder hashes;
    private final Outbox outbox;
    private final MessageSource messages;
    private final Clock clock;
    private final Settings settings;
    private final SubmissionLimits limits;

    Verification(JdbcClient jdbc, PasswordEncoder hashes, Outbox outbox, MessageSource messages, Clock clock,
            Settings settings, SubmissionLimits limits) {
        this.jdbc = jdbc;
        this.hashes = hashes;
        this.outbox = outbox;
        this.messages = messages;
        this.clock = clock;
        this.settings = settings;
        this.limits = limits;
    }

    /**
     * Makes a code for the number or address and queues it in the caller's transaction; sends nothing
     * when {@code send} is false (a password reset for a number no account has looks the same from
     * outside, yet tells that number nothing).
     *
     * @return the ticket the pages know the code by
     */
    String issue(Purpose purpose, Contact contact, Waiting waiting, String client, boolean send) {
        limits.take("code-address:" + contact.value(), settings.codesPerAddress(), settings.period(),
                "problem.codeRateLimited");
        limits.take("code-client:" + client, settings.codesPerClient(), settings.period(), "problem.codeRateLimited");
        String code = "%06d".formatted(random.nextInt(1_000_000));
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO verification_code (ticket, purpose, channel, address, code_hash, username, display_name,
                    password_hash, privacy_notice_version, created_at, expires_at)
                VALUES (:ticket, :purpose, :channel, :address, :hash, :username, :name, :password, :notice, :now, :expires)""")
                .param("ticket", ticket).param("purpose", purpose.name()).param("channel", channel(contact).name())
                .param("address", contact.value()).param("hash", hashes.encode(code))
                .param("username", waiting.username()).param("name", waiting.displayName())
                .param("password", waiting.passwordHash()).param("notice", waiting.privacyNoticeVersion())
                .param("now", now).param("expires", now.plus(settings.lifetime())).update();
        if (send) {
            Locale locale = LocaleContextHolder.getLocale();
            String key = "verification." + purpose.name().toLowerCase(Locale.ROOT);
            outbox.enqueue(channel(contact), contact.value(), messages.getMessage(key + ".subject", null, locale),
                    messages.getMessage(key + ".body", new Object[] {code, settings.lifetime().toMinutes()}, locale));
        }
        return ticket;
    }

    /**
     * Queues a message other than a code to the number or address, in the caller's transaction: what
     * its holder should know instead of a code they did not ask for (the messages {@code key.subject}
     * and {@code key.body}).
     */
    void tell(Contact contact, String key) {
        Locale locale = LocaleContextHolder.getLocale();
        outbox.enqueue(channel(contact), contact.value(), messages.getMessage(key + ".subject", null, locale),
                messages.getMessage(key + ".body", null, locale));
    }

    /** The code waiting under this ticket for this purpose, whether or not it may still be used. */
    Optional<Pending> find(Purpose purpose, String ticket) {
        return jdbc.sql("""
                SELECT id, ticket, purpose, channel, address, username, display_name, password_hash,
                       privacy_notice_version, created_at
                FROM verification_code WHERE ticket = :ticket AND purpose = :purpose""")
                .param("ticket", ticket == null ? "" : ticket).param("purpose", purpose.name())
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("ticket"), purpose,
                        new Contact("SMS".equals(rs.getString("channel")), rs.getString("address")),
                        rs.getString("username"), rs.getString("display_name"), rs.getString("password_hash"),
                        rs.getString("privacy_notice_version"), rs.getObject("created_at", OffsetDateTime.class)))
                .optional();
    }

    /**
     * Spends one attempt on the code and refuses, naming the field {@code code}, unless it is the
     * code sent, unexpired and unused. The attempt is counted first, in a statement of its own, so
     * that two guesses at once cannot both slip under the limit.
     */
    Pending check(Purpose purpose, String ticket, String code) {
        record Row(long id, String hash, int attempts, OffsetDateTime expiresAt, OffsetDateTime usedAt) {
        }
        Pending pending = find(purpose, ticket).orElseThrow(() -> Problems.notFound("verification", ticket));
        Row row = jdbc.sql("SELECT id, code_hash, attempts, expires_at, used_at FROM verification_code WHERE id = :id")
                .param("id", pending.id())
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("code_hash"), rs.getInt("attempts"),
                        rs.getObject("expires_at", OffsetDateTime.class), rs.getObject("used_at", OffsetDateTime.class)))
                .single();
        if (row.usedAt() != null) {
            throw refusal(HttpStatus.CONFLICT, CODE_USED, "problem.codeUsed");
        }
        if (!clock.instant().isBefore(row.expiresAt().toInstant())) {
            throw refusal(HttpStatus.CONFLICT, CODE_EXPIRED, "problem.codeExpired");
        }
        int counted = jdbc.sql("UPDATE verification_code SET attempts = attempts + 1 WHERE id = :id AND attempts < :max")
                .param("id", row.id()).param("max", settings.attempts()).update();
        if (counted == 0) {
            throw refusal(HttpStatus.CONFLICT, CODE_ATTEMPTS_EXHAUSTED, "problem.codeAttemptsExhausted");
        }
        if (code == null || !code.strip().matches("[0-9]{6}") || !hashes.matches(code.strip(), row.hash())) {
            int left = settings.attempts() - row.attempts() - 1;
            throw left > 0 ? Problems.invalid("code", "validation.codeWrong", left)
                    : refusal(HttpStatus.CONFLICT, CODE_ATTEMPTS_EXHAUSTED, "problem.codeAttemptsExhausted");
        }
        return pending;
    }

    /** Marks the code used, in the caller's transaction; false if another request used it first. */
    boolean use(Pending pending) {
        return jdbc.sql("UPDATE verification_code SET used_at = :now WHERE id = :id AND used_at IS NULL")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("id", pending.id()).update() == 1;
    }

    static ProblemException usedMeanwhile() {
        return refusal(HttpStatus.CONFLICT, CODE_USED, "problem.codeUsed");
    }

    private static ProblemException refusal(HttpStatus status, String code, String key) {
        return new ProblemException(status, code, key, List.of(new FieldViolation("code", key)));
    }

    private static Channel channel(Contact contact) {
        return contact.phone() ? Channel.SMS : Channel.EMAIL;
    }

    /** Codes a day old are of no use to anyone; one node clears them. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @SchedulerLock(name = "platform.clearVerificationCodes", lockAtMostFor = "10m")
    void clearOldCodes() {
        jdbc.sql("DELETE FROM verification_code WHERE expires_at < :before")
                .param("before", clock.instant().atOffset(ZoneOffset.UTC).minus(Duration.ofDays(1))).update();
    }

    /**
     * How long a code lasts (CIVICDESK_VERIFICATION_LIFETIME), how many tries it allows
     * (CIVICDESK_VERIFICATION_ATTEMPTS), and how many codes one number or address
     * (CIVICDESK_VERIFICATION_CODES_PER_ADDRESS) and one client address
     * (CIVICDESK_VERIFICATION_CODES_PER_CLIENT) may be sent per period (CIVICDESK_VERIFICATION_PERIOD).
     */
    @ConfigurationProperties("civicdesk.verification")
    @Validated
    record Settings(@DefaultValue("10m") @DurationMin(minutes = 1) Duration lifetime,
            @DefaultValue("5") @Positive int attempts,
            @DefaultValue("5") @Positive long codesPerAddress,
            @DefaultValue("20") @Positive long codesPerClient,
            @DefaultValue("1h") @DurationMin(minutes = 1) Duration period) {
    }
}
