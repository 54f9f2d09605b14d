/**
 * 公告与检索 — public notices and alerts (a CDC's health alert, an announcement) and the public
 * search over everything the platform publishes. Other modules make their public content
 * searchable by implementing {@link org.civicdesk.notices.Searchable} in their internal package;
 * the dependency points from them to this module, never back.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notices and search")
package org.civicdesk.notices;
