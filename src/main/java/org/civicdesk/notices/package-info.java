/**
 * 公告 — public notices and alerts (a CDC's health alert, an announcement), which administrators
 * write, publish and withdraw, with an Atom feed of what is published. Each change is told as a
 * {@link org.civicdesk.notices.NoticeEvent}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notices")
package org.civicdesk.notices;
