package org.civicdesk.notices.internal;

/** A notice as an administrator sends it; {@code publish} publishes it at once. */
record NoticeCommand(String title, String body, String issuerOrg, String kind, Boolean publish) {
}
