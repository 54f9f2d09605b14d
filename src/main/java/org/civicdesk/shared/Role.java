package org.civicdesk.shared;

/** What an account may do. A person may hold several roles. */
public enum Role {
    /** 系统管理员 — runs the directory, the calendar and the audit trail. */
    ADMIN,
    /** 督办人员 — assigns and supervises matters. */
    SUPERVISOR,
    /** 承办人员 — handles the cases of one organisation. */
    HANDLER,
    /** 提出人 — raises matters: a deputy, a member, an entrepreneur, a resident. */
    RAISER,
    /** 场所管理员 — manages bookable places. */
    PLACE_MANAGER,
    /** 慈善工作人员 — keeps campaigns and the donation ledger. */
    CHARITY_OFFICER;

    public String authority() {
        return "ROLE_" + name();
    }
}
