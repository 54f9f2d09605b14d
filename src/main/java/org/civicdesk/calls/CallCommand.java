package org.civicdesk.calls;

import java.util.List;

/**
 * A call for applications as an organiser or another module opens it; the calls module checks every
 * field.
 *
 * @param contact how to reach the organisers, as the call prints it
 * @param groups who is sought, each with its quota; at least one
 */
public record CallCommand(String code, String title, String description, String contact, List<GroupCommand> groups) {
}
