/**
 * 审计日志 — the audit trail. Every state-changing action is appended with who, when, what,
 * and the state before and after, to a hash-chained log whose integrity can be verified at any
 * time: changing, removing or reordering a stored entry breaks the chain.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package org.civicdesk.audit;
