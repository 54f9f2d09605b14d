package org.civicdesk.projects.internal;

import org.civicdesk.projects.ApprovalCommand;
import org.civicdesk.projects.BatchCommand;
import org.civicdesk.projects.DealCommand;
import org.civicdesk.projects.DealEventCommand;
import org.civicdesk.projects.MeetingLinkCommand;
import org.civicdesk.projects.ProjectCommand;
import org.civicdesk.projects.Projects;
import org.civicdesk.projects.StageCommand;
import org.springframework.stereotype.Service;

/** The projects module's commands for other modules; the services apply the API's rules of who may. */
@Service
class ProjectsFacade implements Projects {

    private final ProjectService projects;
    private final DealService deals;
    private final ProjectMeetings meetings;
    private final DealEvents events;

    ProjectsFacade(ProjectService projects, DealService deals, ProjectMeetings meetings, DealEvents events) {
        this.projects = projects;
        this.deals = deals;
        this.meetings = meetings;
        this.events = events;
    }

    @Override
    public void recordBatch(BatchCommand batch) {
        projects.createBatch(batch);
    }

    @Override
    public void recordProject(ProjectCommand project) {
        projects.create(project);
    }

    @Override
    public void recordApproval(String project, String approval, ApprovalCommand command) {
        projects.recordApproval(project, approval, command);
    }

    @Override
    public void moveStage(String project, StageCommand command) {
        projects.moveStage(project, command);
    }

    @Override
    public void linkMeeting(String project, MeetingLinkCommand command) {
        meetings.link(project, command);
    }

    @Override
    public long recordDeal(DealCommand deal) {
        return deals.record(deal).id();
    }

    @Override
    public long recordDealEvent(DealEventCommand event) {
        return events.record(event).id();
    }
}
