package org.civicdesk.shared.web;

import java.util.List;

/**
 * A module's entries in the navigation and the workbench. Each module that has pages declares one bean
 * of this type; a new page is a new line there, not an edit of the layout.
 */
@FunctionalInterface
public interface NavEntries {

    List<NavEntry> entries();
}
