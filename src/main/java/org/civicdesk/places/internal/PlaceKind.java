package org.civicdesk.places.internal;

/** What kind of place it is. */
enum PlaceKind {
    /** 党员教育培训示范基地. */
    TRAINING_BASE,
    /** 现场教学点. */
    TEACHING_POINT,
    /** 社区(村)的活动阵地. */
    COMMUNITY,
    /** 其他场馆. */
    VENUE
}
