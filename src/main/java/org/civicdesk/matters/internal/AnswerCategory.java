package org.civicdesk.matters.internal;

/**
 * 答复类别 — the class marked on an answer: A solved or mostly solved; B partly solved or planned
 * (followed up until solved, 跟踪办理); C kept for reference or not feasible for now; D kept for
 * reference, where a jurisdiction uses four classes. Which classes a city offers is a setting.
 */
enum AnswerCategory {
    A, B, C, D;

    /** A B answer promises more: the department reports again until the problem is solved. */
    boolean needsFollowUp() {
        return this == B;
    }
}
