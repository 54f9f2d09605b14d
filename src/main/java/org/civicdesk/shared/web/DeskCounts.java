package org.civicdesk.shared.web;

import java.util.List;

import org.civicdesk.shared.Actor;

/**
 * A module's figures for a reader's workbench, from its own data: each module counts what it keeps, so
 * the workbench needs no module's tables. Figures a reader's roles do not allow are left out.
 */
@FunctionalInterface
public interface DeskCounts {

    List<DeskCount> countsFor(Actor actor);
}
