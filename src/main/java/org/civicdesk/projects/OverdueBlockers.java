package org.civicdesk.projects;

import java.time.LocalDate;
import java.util.List;

/**
 * The project blockers (卡点) past their due date and not cleared, for the supervision board that chases
 * them as it chases overdue cases.
 */
public interface OverdueBlockers {

    /** Oldest due date first. */
    List<Blocker> overdue();

    /**
     * @param org the code of the department that must clear it
     * @param href the project's page
     */
    record Blocker(long id, String description, String project, String projectName, String org, String orgName,
            LocalDate dueOn, String href) {
    }
}
