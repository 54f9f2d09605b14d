package org.civicdesk.directory;

/** What kind of body an organisation is. */
public enum OrgKind {
    /** 政府部门 */
    GOVERNMENT,
    /** 人大、政协机关 — legislature and CPPCC bodies. */
    LEGISLATURE,
    /** 企业 */
    ENTERPRISE,
    /** 高校、科研院所 */
    UNIVERSITY,
    /** 社会组织 */
    SOCIAL,
    /** 社区、村 */
    COMMUNITY,
    /** 其他 */
    OTHER
}
