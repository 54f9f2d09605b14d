package org.civicdesk.platform.internal;

import java.util.List;

import org.civicdesk.shared.web.NavEntries;
import org.civicdesk.shared.web.NavEntry;
import org.civicdesk.shared.web.NavGroup;
import org.springframework.stereotype.Component;

/** The front page in the public bar. */
@Component
class PlatformNavigation implements NavEntries {

    @Override
    public List<NavEntry> entries() {
        return List.of(
                NavEntry.everyone(NavGroup.PUBLIC, 0, "nav.home", "/"));
    }
}
