package org.civicdesk.matters.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.civicdesk.matters.MatterType;
import org.civicdesk.matters.internal.MatterReports.GroupBy;
import org.civicdesk.matters.internal.MatterReports.Report;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.web.ListFilter;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;

/**
 * 办理情况统计 in the browser: the handling report with its filters, charts drawn from its tables, the same
 * figures as a workbook downloaded with the page's own session, and the departments' printable league
 * table. Supervisors and admins see every department; a department's handler sees its own only.
 */
@Controller
class MatterReportPages {

    private static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final MatterReports reports;
    private final MatterQueries queries;
    private final ReportText text;

    MatterReportPages(MatterReports reports, MatterQueries queries, ReportText text) {
        this.reports = reports;
        this.queries = queries;
        this.text = text;
    }

    /** What the reader asked for; a handler's department is always its own. */
    record Filters(String groupBy, String series, String type, String org, LocalDate from, LocalDate to) {

        static Filters of(String groupBy, String series, String type, String org, LocalDate from, LocalDate to) {
            Actor actor = Actor.require();
            String department = blank(org) ? null : org.trim();
            if (!Matter.isStaff(actor)) {
                department = actor.orgCode();
            }
            String by = blank(groupBy) ? (department == null ? GroupBy.ORG.name() : GroupBy.TYPE.name())
                    : groupBy.trim();
            return new Filters(by, blank(series) ? null : series.trim(), blank(type) ? null : type.trim(), department,
                    from, to);
        }

        /** The query string that asks for the same report, for its workbook and its links. */
        String query() {
            UriComponentsBuilder b = UriComponentsBuilder.newInstance().queryParam("groupBy", groupBy);
            if (series != null) {
                b.queryParam("series", series);
            }
            if (type != null) {
                b.queryParam("type", type);
            }
            if (org != null) {
                b.queryParam("org", org);
            }
            if (from != null) {
                b.queryParam("from", from);
            }
            if (to != null) {
                b.queryParam("to", to);
            }
            return b.build().encode().getQuery();
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    @GetMapping("/reports/matters")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN','HANDLER')")
    String report(@ModelAttribute("filter") ReportFilter filter, BindingResult errors, HttpServletResponse response,
            Model model) {
        model.addAttribute("allDepartments", Matter.isStaff(Actor.require()));
        model.addAttribute("departments", departments());
        model.addAttribute("seriesNames", seriesNames());
        model.addAttribute("groupings", GroupBy.values());
        model.addAttribute("matterTypes", MatterType.values());
        ListFilter.read(errors, response, filter::filters).ifPresent(filters -> {
            // The form shows what the report is: its grouping by default, a handler's own department.
            filter.setGroupBy(filters.groupBy());
            filter.setOrg(filters.org());
            Report report = read(filters);
            Locale locale = LocaleContextHolder.getLocale();
            model.addAttribute("query", filters.query());
            model.addAttribute("report", report);
            model.addAttribute("labels", labels(report, locale));
            model.addAttribute("period", text.period(report, locale));
            model.addAttribute("heading", text.title(report, locale));
        });
        return "matters/report";
    }

    /** The same report as a workbook; a bad filter is a 400 naming the field, as the API answers it. */
    @GetMapping("/reports/matters.xlsx")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN','HANDLER')")
    ResponseEntity<byte[]> workbook(@ModelAttribute("filter") ReportFilter filter) {
        Checks checks = new Checks();
        Filters filters = filter.filters(checks);
        checks.throwIfAny();
        Report report = read(filters);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("matters-report-" + report.asOf() + ".xlsx").build().toString())
                .body(reports.excel(report, LocaleContextHolder.getLocale()));
    }

    /** 承办单位排行: every department ranked, on a page that prints on A4. */
    @GetMapping("/reports/departments")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    String league(@ModelAttribute("filter") ReportFilter filter, BindingResult errors, HttpServletResponse response,
            Model model) {
        filter.setGroupBy(GroupBy.ORG.name());
        filter.setOrg(null);
        model.addAttribute("seriesNames", seriesNames());
        model.addAttribute("matterTypes", MatterType.values());
        ListFilter.read(errors, response, filter::filters).ifPresentOrElse(filters -> {
            Report report = read(filters);
            model.addAttribute("query", filters.query());
            model.addAttribute("report", report);
            model.addAttribute("lines", MatterReports.league(report));
            model.addAttribute("period", text.period(report, LocaleContextHolder.getLocale()));
        }, () -> model.addAttribute("lines", List.of()));
        return "matters/league";
    }

    private Report read(Filters f) {
        return reports.report(f.groupBy(), f.series(), f.type(), f.org(), f.from(), f.to());
    }

    private Map<String, String> labels(Report report, Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        report.lines().forEach(l -> labels.put(l.key(), text.label(report.groupBy(), l, locale)));
        return labels;
    }

    private Map<String, String> departments() {
        Map<String, String> names = new LinkedHashMap<>();
        reports.departments().forEach(code -> names.put(code, text.orgName(code)));
        return names;
    }

    private Map<String, String> seriesNames() {
        Map<String, String> names = new LinkedHashMap<>();
        List<String> slugs = queries.seriesWithMatters();
        slugs.forEach(slug -> names.put(slug, text.seriesName(slug)));
        return names;
    }
}
