package org.civicdesk.opendata.internal;

import java.util.List;

import org.civicdesk.shared.web.NavEntries;
import org.civicdesk.shared.web.NavEntry;
import org.civicdesk.shared.web.NavGroup;
import org.springframework.stereotype.Component;

/** The open-data catalogue among the public pages. */
@Component
class OpenDataNavigation implements NavEntries {

    @Override
    public List<NavEntry> entries() {
        return List.of(NavEntry.everyone(NavGroup.PUBLIC, 120, "opendata.nav", "/public/data"));
    }
}
