package org.civicdesk.notifications.internal;

import java.time.LocalDate;
import java.util.Locale;

import org.civicdesk.directory.Directory;
import org.civicdesk.directory.OrgSummary;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A notification's text in a language, from what it keeps: its kind, matter, title, department and date. */
@Component
class NotificationTexts {

    private final Directory directory;
    private final MessageSource messages;

    NotificationTexts(Directory directory, MessageSource messages) {
        this.directory = directory;
        this.messages = messages;
    }

    /** @param detail a further fact some kinds tell, e.g. why an application was declined */
    String text(String kind, Long matterId, String title, String orgCode, LocalDate due, String detail,
            Locale locale) {
        String org = orgCode == null ? "" : directory.findOrg(orgCode).map(OrgSummary::name).orElse(orgCode);
        return messages.getMessage("notification." + kind,
                new Object[] { matterId, title, org, due == null ? "" : due.toString(), detail == null ? "" : detail },
                locale);
    }

    /** Older notifications kept their Chinese text; newer ones are made in the reader's language. */
    String text(Notifications.Notification n, Locale locale) {
        return n.message() != null ? n.message()
                : text(n.kind(), n.matterId(), n.title(), n.orgCode(), n.dueDate(), n.detail(), locale);
    }
}
