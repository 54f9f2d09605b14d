package org.civicdesk.projects.internal;

/** How a patent passes from one side of a deal to the other. */
enum DealForm {
    /** 转让 */
    TRANSFER,
    /** 许可 */
    LICENCE,
    /** 交叉许可 */
    CROSS_LICENCE,
    /** 作价入股 — contributed as equity. */
    EQUITY
}
