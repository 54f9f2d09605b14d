package org.civicdesk.projects.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.civicdesk.projects.BatchCommand.RequiredApproval;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the projects API and pages show. Amounts are decimal text with two places. */
final class Views {

    private Views() {
    }

    record BatchView(String code, String name, ReviewStatus reviewStatus, String reviewedBy,
            List<RequiredApproval> requiredApprovals) {
    }

    record ApprovalView(String code, String name, ApprovalStatus status, String issuer, LocalDate issuedOn,
            String documentNo) {

        public boolean obtained() {
            return status == ApprovalStatus.OBTAINED;
        }
    }

    record ProjectView(String code, String batch, String name, String ownerOrg, String ownerOrgName, String district,
            String amountRequested, String amountGranted, Stage stage, boolean example, List<ApprovalView> approvals,
            int approvalsObtained, int approvalsRequired) {

        /** The codes of the required approvals not yet obtained, in checklist order. */
        public List<String> missing() {
            return approvals.stream().filter(a -> !a.obtained()).map(ApprovalView::code).toList();
        }

        ProjectSummary summary() {
            return new ProjectSummary(code, name, stage, approvalsObtained, approvalsRequired, ownerOrg, ownerOrgName,
                    district, amountRequested, amountGranted, example);
        }
    }

    /** One project on the public list of a batch. */
    record ProjectSummary(String code, String name, Stage stage, int approvalsObtained, int approvalsRequired,
            String ownerOrg, String ownerOrgName, String district, String amountRequested, String amountGranted,
            boolean example) {
    }

    record PartyView(String code, String name, String kind, boolean external) {
    }

    record DealView(long id, String title, String patentNo, List<PartyView> from, List<PartyView> to, DealForm form,
            String amount, String event, LocalDate signedOn, boolean example) {

        /** Whether one of its parties belongs to the city (is not marked external in the directory). */
        @JsonProperty("local")
        public boolean local() {
            return from.stream().anyMatch(p -> !p.external()) || to.stream().anyMatch(p -> !p.external());
        }
    }

    /** The figures of the contract's stats endpoint. */
    record DealStats(long deals, String amount, long local, Map<String, Long> byForm) {
    }

    /**
     * A fair or signing event (专利转化对接会): what its organiser announced (each {@code null} where not
     * known) and {@code recorded}, the figures of the deals on the register.
     */
    record DealEventView(long id, String name, LocalDate heldOn, String organiser, Integer announcedDeals,
            String announcedAmount, Integer announcedLocal, boolean example, DealStats recorded) {
    }

    /** The figures of one event (or of one kind of party): how many deals, how much, how many the city's. */
    record Tally(String label, long deals, String amount, long local) {
    }

    /** One department's line of the dispatch-meeting report: its projects by stage and their paperwork. */
    record DepartmentProgress(String ownerOrg, String ownerOrgName, Map<Stage, Long> byStage, long projects,
            long approvalsObtained, long approvalsRequired, String amountRequested) {
    }
}
