package org.civicdesk.projects;

/**
 * Links a project to a meeting that discussed it, such as the special-bond dispatch meeting (调度会).
 *
 * @param meeting the meeting's id
 */
public record MeetingLinkCommand(Long meeting) {
}
