package org.civicdesk.notifications.internal;

import org.civicdesk.notifications.Channel;

/**
 * The port through which a message leaves the app on one channel: an SMTP server, an SMS provider, or
 * the log where nothing is configured. A sender that returns has handed the message over; one that
 * throws has not, and the deliverer tries again later.
 */
interface Sender {

    Channel channel();

    /** Said at start-up: where this channel's messages go. */
    String describe();

    /** Whether messages really leave the app, rather than being written to the log. */
    boolean delivers();

    /**
     * @param unsubscribe where a mail that belongs to a subscription is unsubscribed from with one click
     *        (RFC 8058), else {@code null}; channels without headers ignore it
     */
    void send(String address, String subject, String body, String unsubscribe) throws Exception;
}
