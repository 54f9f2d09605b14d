package org.civicdesk.directory;

/**
 * 联系方式 — the e-mail address and mobile number of an account's person record, either absent. Only
 * for sending that person what they asked for, and for showing to themselves; never to others.
 */
public record AccountContact(String email, String phone) {
}
