package org.civicdesk.notifications;

/**
 * 发件箱 — the one way any module sends a message out of the app (a sign-up code, a reset link).
 *
 * <p>{@link #enqueue} writes the message in the caller's transaction and sends nothing: the message
 * goes out after the transaction commits, from a background deliverer that retries, so a rolled-back
 * change sends nothing and a slow mail server or SMS gateway never holds up a request.
 */
public interface Outbox {

    /**
     * Queues one message to one address.
     *
     * @param address an e-mail address or a mainland mobile number, as the channel needs
     * @param subject the e-mail's subject; an SMS has none and ignores it
     * @return the message's id
     */
    long enqueue(Channel channel, String address, String subject, String body);
}
