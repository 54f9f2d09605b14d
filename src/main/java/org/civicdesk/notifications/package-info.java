/**
 * 提醒 — notifications: what a person, a department's handlers or everybody in a role should look at —
 * a case assigned or returned, an answer to rate, a deadline coming up or passed. They follow the
 * events of the modules they concern and are shown in the reader's language; for now they are read in
 * the app and through the API (other channels, such as e-mail and SMS, plug in here).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.civicdesk.notifications;
