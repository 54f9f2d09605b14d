package org.civicdesk.matters.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.civicdesk.matters.MatterStatus;

/**
 * What can be done to a matter as a whole, and in which states: the transition table of a matter.
 * Conditions beyond the state (who acts, whether a proposal was accepted, the wait before closing
 * unrated) are checked by {@link Matter}.
 */
enum MatterAction {
    /** 立案 */
    ACCEPT,
    /** 不予受理/不立案 */
    REJECT,
    /** 并案 */
    MERGE,
    /** 交办 */
    ASSIGN,
    /** 评价 */
    RATE,
    /** 销号 of an answer left unrated */
    CLOSE_UNRATED,
    /** 重点督办 */
    SUPERVISE;

    private static final Map<MatterStatus, Set<MatterAction>> ALLOWED = Map.of(
            MatterStatus.REGISTERED, EnumSet.of(ACCEPT, REJECT, MERGE, ASSIGN, SUPERVISE),
            MatterStatus.ASSIGNED, EnumSet.of(ASSIGN, SUPERVISE),
            MatterStatus.IN_PROGRESS, EnumSet.of(SUPERVISE),
            MatterStatus.ANSWERED, EnumSet.of(RATE, CLOSE_UNRATED, SUPERVISE),
            MatterStatus.REHANDLING, EnumSet.of(SUPERVISE),
            MatterStatus.CLOSED, EnumSet.noneOf(MatterAction.class),
            MatterStatus.REJECTED, EnumSet.noneOf(MatterAction.class));

    boolean allowedIn(MatterStatus status) {
        return ALLOWED.get(status).contains(this);
    }
}
