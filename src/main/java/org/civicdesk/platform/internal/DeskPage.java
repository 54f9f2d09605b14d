package org.civicdesk.platform.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.civicdesk.shared.Actor;
import org.civicdesk.shared.web.DeskCount;
import org.civicdesk.shared.web.DeskCounts;
import org.civicdesk.shared.web.NavEntry;
import org.civicdesk.shared.web.NavGroup;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 工作台 — where every account lands after signing in: per group of work, what waits (figures that
 * each module counts from its own data and that open the list they count) and the pages the reader's
 * roles allow.
 */
@Controller
class DeskPage {

    private final Navigation navigation;
    private final List<DeskCounts> counts;

    DeskPage(Navigation navigation, List<DeskCounts> counts) {
        this.navigation = navigation;
        this.counts = counts;
    }

    @GetMapping("/desk")
    String desk(Model model) {
        Actor actor = Actor.require();
        List<DeskCount> figures = counts.stream().flatMap(c -> c.countsFor(actor).stream())
                .sorted(Comparator.comparingInt(DeskCount::order)).toList();
        Navigation.Menu menu = navigation.menu("/desk");
        List<Group> groups = new ArrayList<>();
        for (NavGroup group : NavGroup.values()) {
            List<DeskCount> groupFigures = figures.stream().filter(f -> f.group() == group).toList();
            List<NavEntry> pages = group == NavGroup.ADMIN ? menu.admin() : menu.workbench().getOrDefault(group, List.of());
            if (!groupFigures.isEmpty() || !pages.isEmpty()) {
                groups.add(new Group(group, groupFigures, pages));
            }
        }
        // The groups where something waits come first: a place manager's bookings before its own meetings.
        groups.sort(Comparator.comparing(g -> g.figures().isEmpty()));
        model.addAttribute("groups", groups);
        model.addAttribute("actor", actor);
        return "desk";
    }

    /** One group of work on the workbench: its figures and its pages. */
    public record Group(NavGroup group, List<DeskCount> figures, List<NavEntry> pages) {
    }
}
