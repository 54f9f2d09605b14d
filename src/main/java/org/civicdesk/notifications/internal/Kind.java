package org.civicdesk.notifications.internal;

import java.util.Arrays;
import java.util.List;

/**
 * The kinds of notification a person may also want by e-mail or SMS, grouped as the settings page
 * shows them. Notifications to every supervisor (a case returned, an extension asked for) stay in the
 * app, where whoever is on duty reads them.
 */
enum Kind {
    ACCEPTED(Group.RAISED), ASSIGNED(Group.RAISED), ANSWERED(Group.RAISED), REJECTED(Group.RAISED),
    CLOSED(Group.RAISED),
    NEW_CASE(Group.HANDLING), DUE_SOON(Group.HANDLING), OVERDUE(Group.HANDLING), REMINDED(Group.HANDLING),
    REHANDLING(Group.HANDLING), EXTENSION_GRANTED(Group.HANDLING), EXTENSION_REFUSED(Group.HANDLING),
    INVITED(Group.MEETINGS), REGISTRATION_APPROVED(Group.MEETINGS), REGISTRATION_REJECTED(Group.MEETINGS),
    MOVED_UP(Group.MEETINGS), MEETING_REMINDER(Group.MEETINGS),
    BOOKING_CONFIRMED(Group.PLACES), BOOKING_DECLINED(Group.PLACES),
    AID_APPROVED(Group.CHARITY), AID_DECLINED(Group.CHARITY), AID_PAID(Group.CHARITY),
    CLAIM_APPROVED(Group.CHARITY), CLAIM_DECLINED(Group.CHARITY), CLAIM_PAID(Group.CHARITY),
    FOLLOWED_ANSWERED(Group.FOLLOWING), FOLLOWED_CLOSED(Group.FOLLOWING), NOTICE_PUBLISHED(Group.FOLLOWING);

    enum Group {
        RAISED, HANDLING, MEETINGS, PLACES, CHARITY, FOLLOWING
    }

    final Group group;

    Kind(Group group) {
        this.group = group;
    }

    static List<Kind> of(Group group) {
        return Arrays.stream(values()).filter(k -> k.group == group).toList();
    }

    static boolean known(String name) {
        return Arrays.stream(values()).anyMatch(k -> k.name().equals(name));
    }
}
