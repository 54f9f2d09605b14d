package org.civicdesk.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.civicdesk.matters.MatterEvent;
import org.civicdesk.matters.MatterId;
import org.civicdesk.matters.PublicMatters;
import org.civicdesk.notices.NoticeEvent;
import org.civicdesk.notices.PublishedNotices;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells those who follow a public matter that it was answered (once every answering department has)
 * and closed, and those who subscribed to a kind of notice that one was published. Accounts are told
 * in the app and by the channels they chose; addresses by e-mail. It runs after the change committed,
 * in a transaction of its own; each is told of each thing once, even when an event comes again or a
 * notice is published again after a withdrawal. A raiser who follows their own matter is told as its
 * raiser, not twice.
 */
@Component
class Followers {

    private final Subscriptions subscriptions;
    private final SubscriptionMail mail;
    private final Notifications notifications;
    private final NotificationTexts texts;
    private final PublicMatters matters;
    private final PublishedNotices notices;
    private final MessageSource messages;
    private final Clock clock;

    Followers(Subscriptions subscriptions, SubscriptionMail mail, Notifications notifications,
            NotificationTexts texts, PublicMatters matters, PublishedNotices notices, MessageSource messages,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.mail = mail;
        this.notifications = notifications;
        this.texts = texts;
        this.matters = matters;
        this.notices = notices;
        this.messages = messages;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(MatterEvent.CaseAnswered e) {
        if (e.matterAnswered()) {
            matter(e.matter(), "FOLLOWED_ANSWERED", e.raisers(), e.at());
        }
    }

    @ApplicationModuleListener
    void on(MatterEvent.MatterClosed e) {
        matter(e.matter(), "FOLLOWED_CLOSED", e.raisers(), e.at());
    }

    /** Nothing is told of a matter the public may not read (confidential, or with nothing published). */
    private void matter(MatterId id, String kind, List<String> raisers, Instant at) {
        Optional<String> published = matters.publishedTitle(id);
        if (published.isEmpty()) {
            return;
        }
        String title = published.get();
        String link = "/public/answers/" + id.value();
        for (Subscriptions.Subscription s : subscriptions.confirmedOf(Subscriptions.Topic.matter(id.value()))) {
            if (s.username() != null) {
                if (!raisers.contains(s.username())) {
                    notifications.toAccount(s.username(), kind, id.value(), title, null, null, link,
                            kind + ":m" + id + ":u" + s.username() + ":" + at.toEpochMilli(), at);
                }
            } else if (subscriptions.firstTime(s, kind + ":" + at.toEpochMilli())) {
                mail.tell(s, kindName(kind, s.language()),
                        texts.text(kind, id.value(), title, null, null, null, s.language()), link,
                        describe(s.topic(), title, s.language()));
            }
        }
    }

    @ApplicationModuleListener
    void on(NoticeEvent.Published e) {
        notices.published(e.noticeId()).ifPresent(n -> {
            String link = "/public/notices/" + n.id();
            String kind = "NOTICE_PUBLISHED";
            for (Subscriptions.Subscription s : subscriptions.confirmedOf(Subscriptions.Topic.notices(n.kind()))) {
                if (s.username() != null) {
                    notifications.toAccount(s.username(), kind, null, n.title(), null, null, link,
                            kind + ":n" + n.id() + ":u" + s.username(), clock.instant());
                } else if (subscriptions.firstTime(s, "notice:" + n.id())) {
                    mail.tell(s, kindName(kind, s.language()),
                            texts.text(kind, null, n.title(), null, null, null, s.language()), link,
                            describe(s.topic(), null, s.language()));
                }
            }
        });
    }

    private String kindName(String kind, Locale language) {
        return messages.getMessage("notification.kind." + kind, null, language);
    }

    /**
     * What a subscription is to, as its subscriber reads it: a matter by its public title, notices by
     * their kind's name.
     */
    String describe(Subscriptions.Topic topic, String matterTitle, Locale language) {
        return topic.isMatter()
                ? messages.getMessage("subscription.topic.MATTER", new Object[] { matterTitle }, language)
                : messages.getMessage("subscription.topic.NOTICES",
                        new Object[] { messages.getMessage("notices.kind." + topic.subject(), null, language) },
                        language);
    }
}
