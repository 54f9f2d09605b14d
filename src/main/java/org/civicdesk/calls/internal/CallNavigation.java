package org.civicdesk.calls.internal;

import java.util.List;

import org.civicdesk.shared.web.NavEntries;
import org.civicdesk.shared.web.NavEntry;
import org.civicdesk.shared.web.NavGroup;
import org.springframework.stereotype.Component;

/** Where the calls pages sit in the menus: a call's applications open from the call itself. */
@Component
class CallNavigation implements NavEntries {

    @Override
    public List<NavEntry> entries() {
        return List.of(
                NavEntry.everyone(NavGroup.PUBLIC, 40, "calls.nav", "/public/calls"));
    }
}
