package org.civicdesk.matters.internal;

/** 评价 — the raiser's rating of an answer: 满意, 基本满意, 不满意. */
enum Rating {
    SATISFIED, BASICALLY_SATISFIED, UNSATISFIED;

    boolean satisfied() {
        return this != UNSATISFIED;
    }
}
