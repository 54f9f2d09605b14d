package org.civicdesk.projects;

/**
 * Something holding a project up (卡点), as a supervisor raises it at a dispatch meeting.
 *
 * @param org the code of the department that must clear it
 * @param workingDays how many working days it has, counted from the day after it is raised
 */
public record BlockerCommand(String description, String org, Integer workingDays) {
}
