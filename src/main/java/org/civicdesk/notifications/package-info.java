/**
 * 提醒 — notifications: what a person, a department's handlers or everybody in a role should look at —
 * a case assigned or returned, an answer to rate, a deadline coming up or passed, a meeting invitation
 * or tomorrow's meeting, a booking or an aid application decided, a followed matter answered, a notice
 * of a subscribed kind published. They follow the events of the modules they concern and are shown in
 * the reader's language, in the app (the bell) and through the API; each person chooses which kinds
 * also come by e-mail or SMS. Anyone may follow a public matter or subscribe to notices by kind, by
 * e-mail once confirmed (关注与订阅). Anything leaving the app goes through the {@link org.civicdesk.notifications.Outbox},
 * sent after the transaction that wrote it commits.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.civicdesk.notifications;
