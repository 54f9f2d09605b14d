package org.civicdesk.projects;

/**
 * What a supervisor records in the project reserve and the deals register, for other modules that
 * record on someone's behalf (the demo city does). Each command is the one the projects API takes,
 * checked, authorised and audited as the API does.
 */
public interface Projects {

    void recordBatch(BatchCommand batch);

    void recordProject(ProjectCommand project);

    /** Ticks (or unticks) one required approval of a project. */
    void recordApproval(String project, String approval, ApprovalCommand command);

    void moveStage(String project, StageCommand command);

    /** Records that a meeting (such as the dispatch meeting) discussed the project. */
    void linkMeeting(String project, MeetingLinkCommand command);

    /** @return the deal's id */
    long recordDeal(DealCommand deal);

    /** Records a fair or signing event with the totals its organiser announced; @return its id */
    long recordDealEvent(DealEventCommand event);
}
