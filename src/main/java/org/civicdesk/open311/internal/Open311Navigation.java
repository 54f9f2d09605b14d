package org.civicdesk.open311.internal;

import java.util.List;

import org.civicdesk.shared.Role;
import org.civicdesk.shared.web.NavEntries;
import org.civicdesk.shared.web.NavEntry;
import org.civicdesk.shared.web.NavGroup;
import org.springframework.stereotype.Component;

/** The map of reports is public; administrators find the Open311 keys beside the accounts they resemble. */
@Component
class Open311Navigation implements NavEntries {

    @Override
    public List<NavEntry> entries() {
        return List.of(NavEntry.everyone(NavGroup.PUBLIC, 115, "reports.map.nav", "/public/reports/map"),
                NavEntry.forRoles(NavGroup.ADMIN, 60, "open311.nav", "/admin/open311", Role.ADMIN));
    }
}
