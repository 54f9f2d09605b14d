package org.civicdesk.projects.internal;

import java.util.List;

import org.civicdesk.projects.OverdueBlockers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The overdue blockers as the supervision board shows them, beside the overdue cases. */
@Service
@Transactional(readOnly = true)
class BoardBlockers implements OverdueBlockers {

    private final BlockerService blockers;
    private final ProjectService projects;

    BoardBlockers(BlockerService blockers, ProjectService projects) {
        this.blockers = blockers;
        this.projects = projects;
    }

    @Override
    public List<Blocker> overdue() {
        return blockers.overdue().stream()
                .map(k -> new Blocker(k.id(), k.description(), k.project(), projects.project(k.project()).name(),
                        k.org(), k.orgName(), k.dueOn(), "/public/projects/" + k.project()))
                .toList();
    }
}
