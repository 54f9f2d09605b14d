package org.civicdesk.notifications.internal;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The e-mails of a subscription by address: the confirmation it waits for, and what it asked to be
 * told. Each is in the language the address subscribed in and carries the one-click unsubscribe link,
 * in its text and in its headers (RFC 8058).
 */
@Component
class SubscriptionMail {

    private final JdbcOutbox outbox;
    private final MessageSource messages;
    private final Dispatch dispatch;

    SubscriptionMail(JdbcOutbox outbox, MessageSource messages, Dispatch dispatch) {
        this.outbox = outbox;
        this.messages = messages;
        this.dispatch = dispatch;
    }

    /** @param what the topic as the subscriber reads it, in the subscription's language */
    void confirmation(Subscriptions.Subscription s, String what) {
        Locale language = s.language();
        String unsubscribe = unsubscribeUrl(s);
        outbox.enqueueMail(s.email(), messages.getMessage("subscription.email.confirm.subject", null, language),
                messages.getMessage("subscription.email.confirm.body",
                        new Object[] { what, dispatch.url("/public/subscriptions/" + s.token() + "/confirm"),
                                unsubscribe },
                        language),
                unsubscribe);
    }

    /**
     * @param text what happened, in the subscription's language
     * @param link the public page it is about
     * @param what the topic as the subscriber reads it
     */
    void tell(Subscriptions.Subscription s, String subject, String text, String link, String what) {
        Locale language = s.language();
        String unsubscribe = unsubscribeUrl(s);
        outbox.enqueueMail(s.email(), messages.getMessage("notification.email.subject", new Object[] { subject },
                language),
                messages.getMessage("subscription.email.body",
                        new Object[] { text, dispatch.url(link), what, unsubscribe }, language),
                unsubscribe);
    }

    private String unsubscribeUrl(Subscriptions.Subscription s) {
        return dispatch.url("/public/subscriptions/" + s.token() + "/unsubscribe");
    }
}
