package org.civicdesk.projects.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.civicdesk.audit.AuditTrail;
import org.civicdesk.meetings.DiscussedProjects;
import org.civicdesk.meetings.MeetingRef;
import org.civicdesk.meetings.Meetings;
import org.civicdesk.projects.MeetingLinkCommand;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which meetings discussed which projects: a supervisor links the dispatch meeting (调度会) to the projects
 * reported on there. The links live here, so projects depend on meetings and not the other way round;
 * the meeting's title comes from the meetings module whenever a link is shown.
 */
@Service
@Transactional(readOnly = true)
class ProjectMeetings implements DiscussedProjects {

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final AuditTrail audit;
    private final Clock clock;

    ProjectMeetings(JdbcClient jdbc, Meetings meetings, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The meetings that discussed the project, earliest first, as the reader may see them: a draft
     * meeting is shown to those who manage projects only.
     */
    List<MeetingRef> meetingsFor(String project, Optional<Actor> reader) {
        boolean staff = reader.map(ProjectService::mayManage).orElse(false);
        return meetings(project).stream().filter(m -> staff || m.published()).toList();
    }

    private List<MeetingRef> meetings(String project) {
        return jdbc.sql("""
                SELECT l.meeting_id FROM project_meeting l JOIN project p ON p.id = l.project_id
                WHERE p.code = :p ORDER BY l.meeting_id""").param("p", project).query(Long.class).list().stream()
                .map(meetings::meeting).flatMap(Optional::stream).toList();
    }

    @Override
    public List<Project> forMeeting(long meetingId) {
        return jdbc.sql("""
                SELECT p.code, p.name FROM project_meeting l JOIN project p ON p.id = l.project_id
                WHERE l.meeting_id = :m ORDER BY p.code""").param("m", meetingId)
                .query((rs, n) -> new Project(rs.getString("code"), rs.getString("name"),
                        "/public/projects/" + rs.getString("code")))
                .list();
    }

    /** Links the meeting to the project; linking it again changes nothing. */
    @Transactional
    List<MeetingRef> link(String project, MeetingLinkCommand cmd) {
        long projectId = manageable(project);
        if (cmd == null || cmd.meeting() == null) {
            throw Problems.invalid("meeting", "validation.required");
        }
        MeetingRef meeting = meetings.meeting(cmd.meeting())
                .orElseThrow(() -> Problems.invalid("meeting", "validation.unknownMeeting", cmd.meeting()));
        List<MeetingRef> before = meetings(project);
        if (before.stream().noneMatch(m -> m.id() == meeting.id())) {
            jdbc.sql("INSERT INTO project_meeting (project_id, meeting_id, linked_at) VALUES (:p, :m, :now)")
                    .param("p", projectId).param("m", meeting.id()).param("now", OffsetDateTime.now(clock)).update();
            audit.record("project.meetingLinked", "project", project, before, meetings(project));
        }
        return meetings(project);
    }

    @Transactional
    List<MeetingRef> unlink(String project, long meetingId) {
        long projectId = manageable(project);
        List<MeetingRef> before = meetings(project);
        int removed = jdbc.sql("DELETE FROM project_meeting WHERE project_id = :p AND meeting_id = :m")
                .param("p", projectId).param("m", meetingId).update();
        if (removed == 0) {
            throw Problems.notFound("meeting", meetingId);
        }
        List<MeetingRef> after = meetings(project);
        audit.record("project.meetingUnlinked", "project", project, before, after);
        return after;
    }

    private long manageable(String project) {
        if (!ProjectService.mayManage(Actor.require())) {
            throw Problems.forbidden();
        }
        return jdbc.sql("SELECT id FROM project WHERE code = :c").param("c", project).query(Long.class).optional()
                .orElseThrow(() -> Problems.notFound("project", project));
    }
}
