package org.civicdesk.portal.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.util.WorkbookUtil;
import org.civicdesk.shared.CitySettings;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.Workbooks;
import org.civicdesk.shared.web.Formats;
import org.civicdesk.shared.web.PublicFigures.Column;
import org.civicdesk.shared.web.MapData;
import org.civicdesk.shared.web.PublicFigures.Line;
import org.civicdesk.shared.web.PublicFigures.Point;
import org.civicdesk.shared.web.PublicFigures.Table;
import org.civicdesk.portal.internal.PortalFigures.Snapshot;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The front page and the dashboards, and each dashboard's table as CSV and as an Excel workbook in the
 * reader's language. Everything here is public.
 */
@Controller
class PortalPages {

    /** A way into a module from the front page: its public pages, by the label of each. */
    record Module(String key, List<Link> links) {
    }

    record Link(String labelKey, String path) {
    }

    /** The modules the front page describes (home.module.*), each with the public pages it opens. */
    static final List<Module> MODULES = List.of(
            new Module("matters", List.of(new Link("nav.answers", "/public/answers"),
                    new Link("portal.home.raise", "/matters/new"))),
            new Module("meetings", List.of(new Link("nav.meetings", "/public/meetings"),
                    new Link("portal.home.calendar", "/public/meetings/calendar"))),
            new Module("charity", List.of(new Link("charity.nav.public", "/public/charity"))),
            new Module("places", List.of(new Link("places.nav.map", "/public/places"),
                    new Link("honours.nav", "/public/honours"))),
            new Module("projects", List.of(new Link("projects.home.reserve", "/public/projects"),
                    new Link("projects.home.deals", "/public/deals"), new Link("calls.nav", "/public/calls"),
                    new Link("notices.nav", "/public/notices"))),
            new Module("portal", List.of(new Link("nav.stats", "/public/stats"),
                    new Link("portal.home.searchPage", "/public/search"))));

    private static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    /** Lets Excel, which otherwise guesses a legacy code page, open a UTF-8 CSV with its Chinese intact. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final PortalFigures figures;
    private final CitySettings city;
    private final MessageSource messages;

    PortalPages(PortalFigures figures, CitySettings city, MessageSource messages) {
        this.figures = figures;
        this.city = city;
        this.messages = messages;
    }

    @GetMapping("/")
    String home(Locale locale, Model model) {
        Snapshot snapshot = figures.snapshot(locale);
        model.addAttribute("cityName", city.name(locale));
        model.addAttribute("headlines", snapshot.headlines());
        model.addAttribute("records", snapshot.records());
        model.addAttribute("readAt", snapshot.readAt());
        model.addAttribute("feeds", figures.feeds(locale));
        List<Point> points = figures.points();
        model.addAttribute("points", points);
        model.addAttribute("map", map(points));
        model.addAttribute("modules", MODULES);
        return "home";
    }

    /** The places on the site's one map, their kinds and levels in the order they first appear. */
    private static MapData map(List<Point> points) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().getPath();
        String root = base == null ? "" : base;
        return MapData.of(points, p -> new MapData.Point(p.lat(), p.lon(), p.name(), root + p.url(), p.kind(),
                p.level()), points.stream().map(Point::kind).distinct().toList(),
                points.stream().map(Point::level).distinct().toList());
    }

    @GetMapping("/public/stats")
    String dashboards(Locale locale, Model model) {
        Snapshot snapshot = figures.snapshot(locale);
        model.addAttribute("tables", snapshot.tables());
        model.addAttribute("readAt", snapshot.readAt());
        return "public/stats";
    }

    @GetMapping("/public/stats/{id}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String id, Locale locale) {
        Table table = table(id, locale);
        StringBuilder csv = new StringBuilder(BYTE_ORDER_MARK);
        row(csv, headers(table));
        table.lines().forEach(line -> row(csv, values(line).stream().map(v -> v == null ? "" : v.toString()).toList()));
        return download(table, "csv", CSV, csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/public/stats/{id}.xlsx")
    ResponseEntity<byte[]> workbook(@PathVariable String id, Locale locale) {
        Snapshot snapshot = figures.snapshot(locale);
        Table table = snapshot.table(id).orElseThrow(() -> Problems.notFound("table", id));
        String period = table.period() + messages.getMessage("report.separator", null, locale)
                + messages.getMessage("portal.readAt", new Object[] {
                        new Formats(locale, city.timeZone()).dateTime(snapshot.readAt()) }, locale);
        List<Object[]> rows = table.lines().stream().map(line -> values(line).toArray()).toList();
        byte[] bytes = Workbooks.report(WorkbookUtil.createSafeSheetName(table.title()), table.title(), period,
                headers(table).toArray(String[]::new), rows);
        return download(table, "xlsx", XLSX, bytes);
    }

    private Table table(String id, Locale locale) {
        return figures.snapshot(locale).table(id).orElseThrow(() -> Problems.notFound("table", id));
    }

    private static List<String> headers(Table table) {
        List<String> headers = new ArrayList<>();
        headers.add(table.labelHeading());
        table.columns().stream().map(Column::heading).forEach(headers::add);
        return headers;
    }

    /** The line's label, then its values: nulls stay null, where nothing was counted. */
    private static List<Object> values(Line line) {
        List<Object> values = new ArrayList<>();
        values.add(line.label());
        values.addAll(line.values());
        return values;
    }

    /**
     * One CSV record (RFC 4180). A text cell that a spreadsheet would take for a formula gets a leading
     * apostrophe, since the labels are names people typed; numbers are written as they are.
     */
    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !isNumber(cell)) {
                cell = "'" + cell;
            }
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                cell = "\"" + cell.replace("\"", "\"\"") + "\"";
            }
            csv.append(i == 0 ? "" : ",").append(cell);
        }
        csv.append("\r\n");
    }

    private static boolean isNumber(String cell) {
        try {
            new BigDecimal(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static ResponseEntity<byte[]> download(Table table, String extension, MediaType type, byte[] body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(table.id() + "." + extension).build().toString())
                .body(body);
    }
}
