package org.civicdesk.meetings;

import java.util.List;

/**
 * The special-bond projects (专项债项目) a meeting discussed, such as those reported on at a dispatch
 * meeting (调度会). The projects module keeps the links and implements this; meetings only asks, so the
 * two modules depend on each other in one direction only (projects → meetings).
 */
public interface DiscussedProjects {

    /** The projects linked to the meeting, by code; none when nothing was linked. */
    List<Project> forMeeting(long meetingId);

    /** @param href the project's public page */
    record Project(String code, String name, String href) {
    }
}
