package org.civicdesk.meetings.internal;

/** What kind of meetings a series holds. */
enum SeriesKind {
    /** 人大常委会会议 — the meetings of a standing committee's term. */
    STANDING_COMMITTEE,
    /** 人民代表大会 — the sessions of a people's congress, where deputies raise suggestions. */
    CONGRESS,
    /** 主席会议 — a CPPCC committee's chairs' meetings. */
    CHAIRS_MEETING,
    /** 调度会 — dispatch meetings where departments report progress. */
    DISPATCH,
    /** 论坛 — forums with keynotes and round tables. */
    FORUM,
    /** 早餐会 — leaders breakfasting with invited entrepreneurs, experts and talents on a theme. */
    BREAKFAST,
    /** 其他 */
    OTHER
}
