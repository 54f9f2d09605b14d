package org.civicdesk.notifications.internal;

import java.util.EnumMap;
import java.util.Map;

import org.civicdesk.directory.AccountContact;
import org.civicdesk.directory.Directory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 提醒方式 — which kinds a person also wants by e-mail or SMS, and where those go: an address of their
 * own choosing, or else the e-mail and phone of their person record in the directory.
 */
@Component
class Preferences {

    private final JdbcClient jdbc;
    private final Directory directory;

    Preferences(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** The channels chosen for one kind, besides the app. */
    record Choice(boolean email, boolean sms) {

        static final Choice APP_ONLY = new Choice(false, false);
    }

    Choice of(String username, String kind) {
        return jdbc.sql("SELECT email, sms FROM notification_preference WHERE username = :u AND kind = :k")
                .param("u", username).param("k", kind)
                .query((rs, n) -> new Choice(rs.getBoolean("email"), rs.getBoolean("sms"))).optional()
                .orElse(Choice.APP_ONLY);
    }

    Map<Kind, Choice> all(String username) {
        Map<Kind, Choice> all = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            all.put(k, Choice.APP_ONLY);
        }
        jdbc.sql("SELECT kind, email, sms FROM notification_preference WHERE username = :u").param("u", username)
                .query(rs -> {
                    if (Kind.known(rs.getString("kind"))) {
                        all.put(Kind.valueOf(rs.getString("kind")),
                                new Choice(rs.getBoolean("email"), rs.getBoolean("sms")));
                    }
                });
        return all;
    }

    /** Replaces every choice of the person at once. */
    @Transactional
    void save(String username, Map<Kind, Choice> choices, AccountContact address) {
        jdbc.sql("DELETE FROM notification_preference WHERE username = :u").param("u", username).update();
        choices.forEach((kind, c) -> {
            if (c.email() || c.sms()) {
                jdbc.sql("INSERT INTO notification_preference (username, kind, email, sms) VALUES (:u, :k, :e, :s)")
                        .param("u", username).param("k", kind.name()).param("e", c.email()).param("s", c.sms())
                        .update();
            }
        });
        jdbc.sql("DELETE FROM notification_address WHERE username = :u").param("u", username).update();
        if (address.email() != null || address.phone() != null) {
            jdbc.sql("INSERT INTO notification_address (username, email, phone) VALUES (:u, :e, :p)")
                    .param("u", username).param("e", address.email()).param("p", address.phone()).update();
        }
    }

    /** The address the person gave here, if any. */
    AccountContact ownAddress(String username) {
        return jdbc.sql("SELECT email, phone FROM notification_address WHERE username = :u").param("u", username)
                .query((rs, n) -> new AccountContact(rs.getString("email"), rs.getString("phone"))).optional()
                .orElse(new AccountContact(null, null));
    }

    /** Where the person's e-mail and SMS go: their own address here, else their person record's. */
    AccountContact addressOf(String username) {
        AccountContact own = ownAddress(username);
        AccountContact record = directory.contactOf(username).orElse(new AccountContact(null, null));
        return new AccountContact(own.email() != null ? own.email() : blankToNull(record.email()),
                own.phone() != null ? own.phone() : blankToNull(record.phone()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
