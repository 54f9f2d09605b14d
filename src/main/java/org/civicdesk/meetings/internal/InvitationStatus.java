package org.civicdesk.meetings.internal;

/** 邀请 — where an invitation stands. */
enum InvitationStatus {
    SENT, ACCEPTED, DECLINED
}
