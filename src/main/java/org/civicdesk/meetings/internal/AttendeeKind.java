package org.civicdesk.meetings.internal;

/** Who an attendee is, as the analytics break attendance down. */
enum AttendeeKind {
    /** 企业家 */
    ENTREPRENEUR,
    /** 专家、科技人才 */
    EXPERT,
    /** 海外归国人才 */
    RETURNEE,
    /** 领导干部、机关人员 */
    OFFICIAL,
    /** 其他 */
    OTHER
}
