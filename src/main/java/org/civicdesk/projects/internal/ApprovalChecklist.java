package org.civicdesk.projects.internal;

import java.util.List;

import org.civicdesk.projects.BatchCommand.RequiredApproval;

/**
 * The default checklist of a batch: 一件三证, the paperwork that the dispatch meeting of 28 February
 * 2023 (Zhuzhou Daily) says the approving departments were racing to complete for each special-bond
 * project. The paper names the phrase, not its items; this default follows its usual reading in
 * project-approval practice:
 * <ul>
 * <li>一件 — project approval (立项) with the 建设项目用地预审与选址意见书 (land-use pre-approval and
 * site-selection opinion), which the Ministry of Natural Resources merged from the former site opinion
 * and land pre-approval (自然资规〔2019〕2号, the 多审合一、多证合一 reform);</li>
 * <li>建设用地规划许可证 — land-use planning permit (城乡规划法 arts. 37–38);</li>
 * <li>建设工程规划许可证 — construction-works planning permit (城乡规划法 art. 40);</li>
 * <li>施工许可证 — construction permit (建筑法 art. 7).</li>
 * </ul>
 * A batch that names its own checklist replaces this one; third-party guides also ask for feasibility
 * approval, environmental-impact approval and energy review, which a batch adds where it needs them.
 */
final class ApprovalChecklist {

    static final List<RequiredApproval> ONE_DOCUMENT_THREE_PERMITS = List.of(
            new RequiredApproval("SITE_LAND", "立项及用地预审与选址意见书"),
            new RequiredApproval("LAND_PLANNING", "建设用地规划许可证"),
            new RequiredApproval("WORKS_PLANNING", "建设工程规划许可证"),
            new RequiredApproval("CONSTRUCTION", "施工许可证"));

    private ApprovalChecklist() {
    }
}
