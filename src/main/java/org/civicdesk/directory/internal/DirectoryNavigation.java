package org.civicdesk.directory.internal;

import java.util.List;

import org.civicdesk.shared.Role;
import org.civicdesk.shared.web.NavEntries;
import org.civicdesk.shared.web.NavEntry;
import org.civicdesk.shared.web.NavGroup;
import org.springframework.stereotype.Component;

/** Where the directory pages sit in the menus: administrators keep it; supervisors and handlers look names up in it. */
@Component
class DirectoryNavigation implements NavEntries {

    @Override
    public List<NavEntry> entries() {
        return List.of(
                NavEntry.forRoles(NavGroup.SUPERVISION, 60, "nav.orgs", "/directory/orgs", Role.SUPERVISOR, Role.HANDLER),
                NavEntry.forRoles(NavGroup.SUPERVISION, 70, "nav.people", "/directory/people", Role.SUPERVISOR,
                        Role.HANDLER),
                NavEntry.forRoles(NavGroup.ADMIN, 10, "nav.accounts", "/directory/accounts", Role.ADMIN),
                NavEntry.forRoles(NavGroup.ADMIN, 20, "nav.orgs", "/directory/orgs", Role.ADMIN),
                NavEntry.forRoles(NavGroup.ADMIN, 30, "nav.people", "/directory/people", Role.ADMIN),
                NavEntry.forRoles(NavGroup.ADMIN, 40, "nav.import", "/directory/import", Role.ADMIN));
    }
}
