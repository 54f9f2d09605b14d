package org.civicdesk.notifications.internal;

import java.time.Clock;
import java.time.ZoneOffset;

import org.civicdesk.notifications.Channel;
import org.civicdesk.notifications.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

@Component
class JdbcOutbox implements Outbox {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public long enqueue(Channel channel, String address, String subject, String body) {
        return enqueue(channel, address, subject, body, null);
    }

    /** An e-mail of a subscription, which carries the link that ends it in one click. */
    long enqueueMail(String address, String subject, String body, String unsubscribe) {
        return enqueue(Channel.EMAIL, address, subject, body, unsubscribe);
    }

    private long enqueue(Channel channel, String address, String subject, String body, String unsubscribe) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO outbox_message (channel, address, subject, body, unsubscribe_url, created_at)
                VALUES (:channel, :address, :subject, :body, :unsubscribe, :at)""")
                .param("channel", channel.name()).param("address", address).param("subject", subject)
                .param("body", body).param("unsubscribe", unsubscribe)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update(key, "id");
        return key.getKey().longValue();
    }
}
