package org.civicdesk.open311.internal;

import org.civicdesk.matters.ReportedAppeals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 诉求地图 — the public map of reported appeals that say where they are, drawn by the places map's script
 * from the table beside it, so that the table alone serves readers without the map.
 */
@Controller
class ReportsMapPage {

    /** As many as a map shows legibly without clustering. */
    private static final int SHOWN = 500;

    private final ReportedAppeals appeals;

    ReportsMapPage(ReportedAppeals appeals) {
        this.appeals = appeals;
    }

    @GetMapping("/public/reports/map")
    String map(Model model) {
        model.addAttribute("reports",
                appeals.appeals(new ReportedAppeals.Query(null, null, null, null, null, true, SHOWN)));
        model.addAttribute("currentPath", "/public/reports/map");
        return "open311/map";
    }
}
