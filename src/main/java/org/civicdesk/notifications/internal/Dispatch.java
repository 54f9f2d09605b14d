package org.civicdesk.notifications.internal;

import java.util.Locale;
import java.util.function.Function;

import org.civicdesk.directory.AccountContact;
import org.civicdesk.notifications.Channel;
import org.civicdesk.notifications.Outbox;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Sends a person's notification beyond the app, by the channels they chose for its kind, through the
 * outbox in the listener's transaction: written with the notification, sent after both commit.
 * Messages are in the language the person last used the app in ({@link Languages}).
 */
@Component
class Dispatch {

    private final Preferences preferences;
    private final Outbox outbox;
    private final MessageSource messages;
    private final NotificationSettings settings;
    private final Languages languages;

    Dispatch(Preferences preferences, Outbox outbox, MessageSource messages, NotificationSettings settings,
            Languages languages) {
        this.preferences = preferences;
        this.outbox = outbox;
        this.messages = messages;
        this.settings = settings;
        this.languages = languages;
    }

    /**
     * @param text the notification as the app shows it, in a language
     * @param link the page it is about, from the site's root, e.g. {@code /matters/12}
     */
    void outward(String username, String kind, Function<Locale, String> text, String link) {
        Preferences.Choice choice = preferences.of(username, kind);
        if (!choice.email() && !choice.sms()) {
            return;
        }
        AccountContact to = preferences.addressOf(username);
        Locale language = languages.of(username);
        if (choice.email() && to.email() != null) {
            String subject = messages.getMessage("notification.email.subject",
                    new Object[] { messages.getMessage("notification.kind." + kind, null, language) }, language);
            String body = messages.getMessage("notification.email.body",
                    new Object[] { text.apply(language), url(link), url("/notifications/settings") }, language);
            outbox.enqueue(Channel.EMAIL, to.email(), subject, body);
        }
        if (choice.sms() && to.phone() != null) {
            outbox.enqueue(Channel.SMS, to.phone(), null, text.apply(language));
        }
    }

    String url(String path) {
        String site = settings.siteUrl().toString();
        return (site.endsWith("/") ? site.substring(0, site.length() - 1) : site) + path;
    }
}
