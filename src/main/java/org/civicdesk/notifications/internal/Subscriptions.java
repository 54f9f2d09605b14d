package org.civicdesk.notifications.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.civicdesk.shared.PrivacyNotice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 关注与订阅 — who asked to be told of something public: a matter's answer and closing, or the
 * notices of a kind. An account follows as itself, at once; an e-mail address only once the link
 * mailed to it is opened (double opt-in), so nobody is subscribed by someone who typed their address.
 * Each subscription's token is its one-click unsubscribe link, which needs no sign-in.
 */
@Component
class Subscriptions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    Subscriptions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What one may subscribe to. */
    record Topic(String name) {

        static Topic matter(long id) {
            return new Topic("MATTER:" + id);
        }

        static Topic notices(String kind) {
            return new Topic("NOTICES:" + kind);
        }

        boolean isMatter() {
            return name.startsWith("MATTER:");
        }

        /** The matter's id or the notices' kind. */
        String subject() {
            return name.substring(name.indexOf(':') + 1);
        }
    }

    record Subscription(long id, Topic topic, String username, String email, Locale language, String token,
            boolean confirmed) {
    }

    private static final String SELECT = """
            SELECT id, topic, username, email, language, token, confirmed_at FROM subscription""";

    private static Subscription row(ResultSet rs, int n) throws SQLException {
        return new Subscription(rs.getLong("id"), new Topic(rs.getString("topic")), rs.getString("username"),
                rs.getString("email"), Languages.parse(rs.getString("language")), rs.getString("token"),
                rs.getObject("confirmed_at") != null);
    }

    Optional<Subscription> byToken(String token) {
        return jdbc.sql(SELECT + " WHERE token = :t").param("t", token).query(Subscriptions::row).optional();
    }

    boolean follows(Topic topic, String username) {
        return jdbc.sql("SELECT COUNT(*) FROM subscription WHERE topic = :t AND username = :u")
                .param("t", topic.name()).param("u", username).query(Long.class).single() > 0;
    }

    /** An account follows at once; following again changes nothing. */
    void follow(Topic topic, String username, Locale language) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                INSERT INTO subscription (topic, username, language, token, created_at, confirmed_at)
                VALUES (:t, :u, :l, :token, :now, :now) ON CONFLICT DO NOTHING""")
                .param("t", topic.name()).param("u", username).param("l", Languages.supported(language).toLanguageTag())
                .param("token", newToken()).param("now", now).update();
    }

    void unfollow(Topic topic, String username) {
        jdbc.sql("DELETE FROM subscription WHERE topic = :t AND username = :u").param("t", topic.name())
                .param("u", username).update();
    }

    /**
     * An address asks to subscribe: the subscription waiting for its confirmation, new or the one asked
     * for before (whose link is mailed again); empty when the address is subscribed already, which
     * needs no mail.
     */
    Optional<Subscription> request(Topic topic, String email, Locale language) {
        jdbc.sql("""
                INSERT INTO subscription (topic, email, language, token, privacy_notice, created_at)
                VALUES (:t, :e, :l, :token, :privacy, :now) ON CONFLICT DO NOTHING""")
                .param("t", topic.name()).param("e", email).param("l", Languages.supported(language).toLanguageTag())
                .param("token", newToken()).param("privacy", PrivacyNotice.VERSION)
                .param("now", OffsetDateTime.now(clock)).update();
        return jdbc.sql(SELECT + " WHERE topic = :t AND email = :e").param("t", topic.name()).param("e", email)
                .query(Subscriptions::row).optional().filter(s -> !s.confirmed());
    }

    /** Confirms by the mailed link; confirming twice changes nothing. */
    Optional<Subscription> confirm(String token) {
        jdbc.sql("UPDATE subscription SET confirmed_at = :now WHERE token = :t AND confirmed_at IS NULL")
                .param("t", token).param("now", OffsetDateTime.now(clock)).update();
        return byToken(token);
    }

    /** Ends it and forgets the address; whether there was one to end. */
    boolean unsubscribe(String token) {
        return jdbc.sql("DELETE FROM subscription WHERE token = :t").param("t", token).update() > 0;
    }

    List<Subscription> confirmedOf(Topic topic) {
        return jdbc.sql(SELECT + " WHERE topic = :t AND confirmed_at IS NOT NULL ORDER BY id")
                .param("t", topic.name()).query(Subscriptions::row).list();
    }

    /** Notes that the subscription is told of something; false when it was told of it already. */
    boolean firstTime(Subscription s, String what) {
        return jdbc.sql("INSERT INTO subscription_sent (subscription_id, what) VALUES (:id, :w) ON CONFLICT DO NOTHING")
                .param("id", s.id()).param("w", what).update() > 0;
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
