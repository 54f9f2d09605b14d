package org.civicdesk.notifications;

/** 渠道 — how a message reaches a person outside the app. */
public enum Channel {
    EMAIL, SMS
}
