package org.civicdesk.open311.internal;

import java.util.List;

import org.civicdesk.matters.ReportedAppeals;
import org.civicdesk.matters.ReportedAppeals.ReportedAppeal;
import org.civicdesk.shared.web.MapData;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * 诉求地图 — the public map of reported appeals that say where they are, on the site's one map
 * (clustered, a legend by category), with the table beside it so that the table alone serves readers
 * without the map.
 */
@Controller
class ReportsMapPage {

    /** The newest so many; clustering keeps them legible. */
    private static final int SHOWN = 500;

    private final ReportedAppeals appeals;

    ReportsMapPage(ReportedAppeals appeals) {
        this.appeals = appeals;
    }

    @GetMapping("/public/reports/map")
    String map(Model model) {
        List<ReportedAppeal> reports = appeals.appeals(
                new ReportedAppeals.Query(null, null, null, null, null, true, SHOWN));
        model.addAttribute("reports", reports);
        model.addAttribute("map", map(reports));
        model.addAttribute("currentPath", "/public/reports/map");
        return "open311/map";
    }

    /** Categories are the names appeals record, in the order they first appear. */
    private static MapData map(List<ReportedAppeal> reports) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().getPath();
        String root = base == null ? "" : base;
        List<String> categories = reports.stream().map(r -> String.valueOf(r.category())).distinct().toList();
        return MapData.of(reports, r -> new MapData.Point(r.lat(), r.lon(), r.title(),
                r.answer() != null ? root + "/public/answers/" + r.id() : null, String.valueOf(r.category()), null),
                categories, List.of());
    }
}
