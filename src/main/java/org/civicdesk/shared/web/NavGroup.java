package org.civicdesk.shared.web;

/**
 * Where a page sits in the navigation. {@link #PUBLIC} pages are the public bar (at most seven entries,
 * the rest under "more"); the work groups make up the signed-in workbench (工作台); {@link #ADMIN} is
 * the back office, kept apart from the workbench.
 */
public enum NavGroup {
    /** 公开 — what anyone may read. */
    PUBLIC,
    /** 待办 — the reader's own work: cases to handle, matters raised. */
    TASKS,
    /** 督办 — intake, assignment and supervision. */
    SUPERVISION,
    /** 会议 */
    MEETINGS,
    /** 慈善 */
    CHARITY,
    /** 场所 */
    PLACES,
    /** 管理 — the back office. */
    ADMIN;

    /** The message key of the group's heading. */
    public String labelKey() {
        return "nav.group." + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A group of the signed-in workbench (neither the public bar nor the back office). */
    public boolean workbench() {
        return this != PUBLIC && this != ADMIN;
    }
}
