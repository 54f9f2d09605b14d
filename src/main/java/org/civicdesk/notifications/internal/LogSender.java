package org.civicdesk.notifications.internal;

import org.civicdesk.notifications.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For development, and wherever a channel has nothing configured: the message is written to the log,
 * where a developer reads a sign-up code, and counts as sent.
 */
final class LogSender implements Sender {

    private static final Logger log = LoggerFactory.getLogger(LogSender.class);

    private final Channel channel;
    private final String howToConfigure;

    LogSender(Channel channel, String howToConfigure) {
        this.channel = channel;
        this.howToConfigure = howToConfigure;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public String describe() {
        return "nothing configured (" + howToConfigure + "): messages are written to the log, not sent";
    }

    @Override
    public boolean delivers() {
        return false;
    }

    @Override
    public void send(String address, String subject, String body, String unsubscribe) {
        log.info("{} to {} (not sent: {} has nothing configured){}: {}", channel, address, channel,
                subject == null ? "" : " «" + subject + "»", body);
    }
}
