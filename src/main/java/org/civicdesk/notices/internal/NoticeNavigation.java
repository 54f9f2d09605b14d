package org.civicdesk.notices.internal;

import java.util.List;

import org.civicdesk.shared.Role;
import org.civicdesk.shared.web.NavEntries;
import org.civicdesk.shared.web.NavEntry;
import org.civicdesk.shared.web.NavGroup;
import org.springframework.stereotype.Component;

/** Where the notices pages sit in the menus. */
@Component
class NoticeNavigation implements NavEntries {

    @Override
    public List<NavEntry> entries() {
        return List.of(
                NavEntry.everyone(NavGroup.PUBLIC, 30, "notices.nav", "/public/notices"),
                NavEntry.forRoles(NavGroup.ADMIN, 50, "notices.navAdmin", "/notices", Role.ADMIN));
    }
}
