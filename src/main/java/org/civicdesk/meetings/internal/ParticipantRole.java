package org.civicdesk.meetings.internal;

/** In which capacity someone is at a meeting. */
enum ParticipantRole {
    /** 主持 — presides. The organiser's side: not counted among the attendees of the analytics. */
    HOST,
    /** 出席 — attends as a member, or registered themselves. */
    ATTENDS,
    /** 列席 — sits in without being a member. */
    SITS_IN,
    /** 受邀嘉宾 — an invited guest. */
    GUEST,
    /** 发言嘉宾 — gives a keynote, a report or a round-table contribution. */
    SPEAKER
}
