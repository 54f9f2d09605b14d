package org.civicdesk.notifications.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.civicdesk.notifications.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Sends the outbox: every node, every moment, claims a batch of the messages that are due and that
 * nobody holds ({@code FOR UPDATE SKIP LOCKED}, then a claim that lasts {@code claim}), commits the
 * claim, and only then sends, outside any transaction, so a slow mail server holds no lock and no
 * request. Each message is recorded as sent, or as failed with a wait that doubles; after the last
 * allowed attempt it is given up and kept for whoever looks into it. A message is sent twice only if a
 * node dies between handing it over and recording it.
 */
@Component
class Deliverer {

    private static final Logger log = LoggerFactory.getLogger(Deliverer.class);

    private final JdbcClient jdbc;
    private final Senders senders;
    private final NotificationSettings.Delivery settings;
    private final Clock clock;
    private final TransactionTemplate tx;

    Deliverer(JdbcClient jdbc, Senders senders, NotificationSettings settings, Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.senders = senders;
        this.settings = settings.delivery();
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    record Message(long id, Channel channel, String address, String subject, String body, String unsubscribe,
            int attempts) {
    }

    @Scheduled(fixedDelayString = "${civicdesk.notifications.delivery.every:PT1S}", initialDelayString = "PT2S")
    void scheduled() {
        deliverDue();
    }

    /** Sends what is due, batch after batch, until nothing due is left unclaimed; how many went out. */
    int deliverDue() {
        int sent = 0;
        List<Message> batch;
        while (!(batch = claim()).isEmpty()) {
            for (Message m : batch) {
                sent += deliver(m) ? 1 : 0;
            }
        }
        return sent;
    }

    /** Takes a batch for this node, in a short transaction of its own that commits the claim. */
    List<Message> claim() {
        OffsetDateTime now = now();
        return tx.execute(status -> {
            List<Message> due = jdbc.sql("""
                    SELECT id, channel, address, subject, body, unsubscribe_url, attempts FROM outbox_message
                    WHERE sent_at IS NULL AND given_up_at IS NULL
                      AND (next_attempt_at IS NULL OR next_attempt_at <= :now)
                      AND (claimed_until IS NULL OR claimed_until < :now)
                    ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED""")
                    .param("now", now).param("batch", settings.batch())
                    .query((rs, n) -> new Message(rs.getLong("id"), Channel.valueOf(rs.getString("channel")),
                            rs.getString("address"), rs.getString("subject"), rs.getString("body"),
                            rs.getString("unsubscribe_url"),
                            rs.getInt("attempts")))
                    .list();
            if (!due.isEmpty()) {
                jdbc.sql("UPDATE outbox_message SET claimed_until = :until WHERE id IN (:ids)")
                        .param("until", now.plus(settings.claim()))
                        .param("ids", due.stream().map(Message::id).toList()).update();
            }
            return due;
        });
    }

    /** Sends one claimed message and records how it went; whether it went out. */
    boolean deliver(Message m) {
        int attempts = m.attempts() + 1;
        try {
            senders.of(m.channel()).send(m.address(), m.subject(), m.body(), m.unsubscribe());
        } catch (Exception e) {
            failed(m, attempts, e);
            return false;
        }
        jdbc.sql("""
                UPDATE outbox_message SET sent_at = :now, attempts = :attempts, claimed_until = NULL, last_error = NULL
                WHERE id = :id""").param("now", now()).param("attempts", attempts).param("id", m.id()).update();
        return true;
    }

    private void failed(Message m, int attempts, Exception e) {
        String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (error.length() > 500) {
            error = error.substring(0, 500);
        }
        OffsetDateTime now = now();
        boolean givingUp = attempts >= settings.maxAttempts();
        if (givingUp) {
            log.error("Outbox message {} by {} given up after {} attempts: {}", m.id(), m.channel(), attempts, error);
        } else {
            log.warn("Outbox message {} by {} failed (attempt {} of {}), tried again later: {}", m.id(), m.channel(),
                    attempts, settings.maxAttempts(), error);
        }
        jdbc.sql("""
                UPDATE outbox_message SET attempts = :attempts, last_error = :error, claimed_until = NULL,
                       next_attempt_at = :next, given_up_at = :gaveUp
                WHERE id = :id""")
                .param("attempts", attempts).param("error", error)
                .param("next", now.plus(settings.retryAfter(attempts)))
                .param("gaveUp", givingUp ? now : null).param("id", m.id()).update();
    }

    /** Sent messages are kept a while, to answer "did it go out?", then purged; given-up ones are kept. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    @SchedulerLock(name = "notifications.purgeSent", lockAtMostFor = "30m")
    void purgeSent() {
        int purged = jdbc.sql("DELETE FROM outbox_message WHERE sent_at < :before")
                .param("before", now().minus(settings.keepSent())).update();
        if (purged > 0) {
            log.info("Outbox: {} sent messages older than {} purged", purged, settings.keepSent());
        }
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
