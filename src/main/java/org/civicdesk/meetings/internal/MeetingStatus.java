package org.civicdesk.meetings.internal;

/** Where a meeting stands: prepared, announced, or closed with its report. */
enum MeetingStatus {
    /** 草稿 — seen by organisers only. */
    DRAFT,
    /** 已发布 — public, open to invitations, registration (when allowed) and check-in. */
    PUBLISHED,
    /** 已结束 — closed with its report; nothing about who came can change any more. */
    CLOSED
}
