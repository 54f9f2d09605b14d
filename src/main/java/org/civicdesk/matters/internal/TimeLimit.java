package org.civicdesk.matters.internal;

import org.civicdesk.matters.MatterType;

/**
 * 办理时限 — a type's time limits, which an administrator sets for the jurisdiction: the lead's and
 * co-handlers' time, the fast track for urgent matters, re-handling, the longest time with
 * extensions, the window to return a wrongly assigned case and the wait for a rating.
 */
record TimeLimit(MatterType type, Unit unit, int leadAmount, int coAmount, int urgentDays, int rehandleAmount,
        int maxTotalAmount, int returnWindowDays, int closeUnratedDays) {

    /** What the amounts count: working days on the official calendar, or calendar months. */
    enum Unit {
        WORKING_DAYS, MONTHS
    }

    boolean inMonths() {
        return unit == Unit.MONTHS;
    }
}
