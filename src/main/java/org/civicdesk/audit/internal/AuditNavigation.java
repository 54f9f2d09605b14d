package org.civicdesk.audit.internal;

import java.util.List;

import org.civicdesk.shared.Role;
import org.civicdesk.shared.web.NavEntries;
import org.civicdesk.shared.web.NavEntry;
import org.civicdesk.shared.web.NavGroup;
import org.springframework.stereotype.Component;

/** Where the audit trail sits in the menus. */
@Component
class AuditNavigation implements NavEntries {

    @Override
    public List<NavEntry> entries() {
        return List.of(
                NavEntry.forRoles(NavGroup.ADMIN, 90, "nav.audit", "/admin/audit", Role.ADMIN));
    }
}
