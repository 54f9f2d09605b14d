package org.civicdesk.notifications.internal;

import java.util.Locale;

import org.civicdesk.directory.AccountContact;
import org.civicdesk.notifications.Channel;
import org.civicdesk.notifications.Outbox;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Sends a person's notification beyond the app, by the channels they chose for its kind, through the
 * outbox in the listener's transaction: written with the notification, sent after both commit.
 * Messages are in Chinese, the city's language, since an e-mail has no reader's locale to follow.
 */
@Component
class Dispatch {

    static final Locale CITY = Locale.SIMPLIFIED_CHINESE;

    private final Preferences preferences;
    private final Outbox outbox;
    private final MessageSource messages;
    private final NotificationSettings settings;

    Dispatch(Preferences preferences, Outbox outbox, MessageSource messages, NotificationSettings settings) {
        this.preferences = preferences;
        this.outbox = outbox;
        this.messages = messages;
        this.settings = settings;
    }

    /**
     * @param text the notification as the app shows it
     * @param link the page it is about, from the site's root, e.g. {@code /matters/12}
     */
    void outward(String username, String kind, String text, String link) {
        Preferences.Choice choice = preferences.of(username, kind);
        if (!choice.email() && !choice.sms()) {
            return;
        }
        AccountContact to = preferences.addressOf(username);
        if (choice.email() && to.email() != null) {
            String subject = messages.getMessage("notification.email.subject",
                    new Object[] { messages.getMessage("notification.kind." + kind, null, CITY) }, CITY);
            String body = messages.getMessage("notification.email.body",
                    new Object[] { text, url(link), url("/notifications/settings") }, CITY);
            outbox.enqueue(Channel.EMAIL, to.email(), subject, body);
        }
        if (choice.sms() && to.phone() != null) {
            outbox.enqueue(Channel.SMS, to.phone(), null, text);
        }
    }

    String url(String path) {
        String site = settings.siteUrl().toString();
        return (site.endsWith("/") ? site.substring(0, site.length() - 1) : site) + path;
    }
}
