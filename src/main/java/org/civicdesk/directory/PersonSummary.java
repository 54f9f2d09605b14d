package org.civicdesk.directory;

/**
 * A person as other modules see them, without contact details: enough to name them in a record of
 * their own, such as the people at a meeting.
 *
 * @param titles their posts as the paper writes them, e.g. 市委副书记、市委政法委书记
 * @param example whether the person was generated for the demo (示例) rather than named by a source
 */
public record PersonSummary(long id, String name, String orgCode, String orgName, String titles, boolean example) {
}
