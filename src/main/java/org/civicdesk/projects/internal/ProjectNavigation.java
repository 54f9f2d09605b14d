package org.civicdesk.projects.internal;

import java.util.List;

import org.civicdesk.shared.Role;
import org.civicdesk.shared.web.NavEntries;
import org.civicdesk.shared.web.NavEntry;
import org.civicdesk.shared.web.NavGroup;
import org.springframework.stereotype.Component;

/** Where the projects pages sit in the menus. */
@Component
class ProjectNavigation implements NavEntries {

    @Override
    public List<NavEntry> entries() {
        return List.of(
                NavEntry.everyone(NavGroup.PUBLIC, 100, "projects.home.reserve", "/public/projects"),
                NavEntry.everyone(NavGroup.PUBLIC, 110, "projects.home.deals", "/public/deals"),
                NavEntry.forRoles(NavGroup.SUPERVISION, 50, "nav.projectReport", "/projects/report", Role.SUPERVISOR,
                        Role.ADMIN, Role.HANDLER));
    }
}
