package org.civicdesk.projects;

import java.util.List;

/**
 * A declaration round (申报批次) of special-bond projects as a supervisor records it.
 *
 * @param requiredApprovals the approvals each of its projects needs before it is declared; when none
 *        are given, the default checklist 一件三证 (see {@code ApprovalChecklist})
 * @param reviewStatus {@code DECLARING} (申报中, the default) or {@code REVIEWED} (已审核)
 * @param reviewedBy who reviewed it, e.g. 国家发改委、财政部
 */
public record BatchCommand(String code, String name, List<RequiredApproval> requiredApprovals, String reviewStatus,
        String reviewedBy) {

    /** One item of a batch's checklist, e.g. {@code CONSTRUCTION} 施工许可证. */
    public record RequiredApproval(String code, String name) {
    }
}
