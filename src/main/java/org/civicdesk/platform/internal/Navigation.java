package org.civicdesk.platform.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Role;
import org.civicdesk.shared.web.NavEntries;
import org.civicdesk.shared.web.NavEntry;
import org.civicdesk.shared.web.NavGroup;
import org.springframework.stereotype.Component;

/**
 * The menus of the page header, built for the reader from the entries every module contributes
 * ({@link NavEntries}). The layout reads it as {@code @navigation}.
 */
@Component("navigation")
public class Navigation {

    /** The public bar shows at most this many entries, counting "more" when the rest go there. */
    static final int BAR_LIMIT = 7;

    private final List<NavEntry> entries;

    Navigation(List<NavEntries> contributors) {
        this.entries = contributors.stream().flatMap(c -> c.entries().stream())
                .sorted(Comparator.comparing(NavEntry::group).thenComparingInt(NavEntry::order)).toList();
    }

    /** What the current reader sees on the page at {@code currentPath}. */
    public Menu menu(String currentPath) {
        Optional<Actor> actor = Actor.current();
        return menu(currentPath == null ? "/" : currentPath, actor.isPresent(),
                actor.map(Actor::roles).orElse(Set.of()));
    }

    Menu menu(String currentPath, boolean signedIn, Set<Role> roles) {
        List<NavEntry> visible = entries.stream().filter(e -> e.visibleTo(signedIn, roles)).toList();
        List<NavEntry> publicEntries = visible.stream().filter(e -> e.group() == NavGroup.PUBLIC).toList();
        int inBar = publicEntries.size() <= BAR_LIMIT ? publicEntries.size() : BAR_LIMIT - 1;
        Map<NavGroup, List<NavEntry>> workbench = new EnumMap<>(NavGroup.class);
        visible.stream().filter(e -> e.group().workbench())
                .forEach(e -> workbench.computeIfAbsent(e.group(), g -> new ArrayList<>()).add(e));
        String active = visible.stream().filter(e -> e.covers(currentPath))
                .max(Comparator.comparingInt(e -> e.path().length())).map(NavEntry::path).orElse(null);
        return new Menu(publicEntries.subList(0, inBar), publicEntries.subList(inBar, publicEntries.size()),
                workbench, visible.stream().filter(e -> e.group() == NavGroup.ADMIN).toList(), active);
    }

    /**
     * The reader's menus.
     *
     * @param bar the public bar
     * @param more the public pages that did not fit the bar
     * @param workbench the groups of the workbench with the entries the reader's roles allow, in order
     * @param admin the back office, empty for all but administrators
     * @param active the path of the entry the current page belongs to, if any
     */
    public record Menu(List<NavEntry> bar, List<NavEntry> more, Map<NavGroup, List<NavEntry>> workbench,
            List<NavEntry> admin, String active) {

        public boolean activeIn(List<NavEntry> entries) {
            return entries.stream().anyMatch(e -> e.path().equals(active));
        }

        public boolean workbenchActive() {
            return workbench.values().stream().anyMatch(this::activeIn);
        }
    }
}
