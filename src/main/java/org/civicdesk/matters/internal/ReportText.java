package org.civicdesk.matters.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.civicdesk.directory.Directory;
import org.civicdesk.directory.OrgSummary;
import org.civicdesk.matters.internal.MatterReports.GroupBy;
import org.civicdesk.matters.internal.MatterReports.Line;
import org.civicdesk.matters.internal.MatterReports.Report;
import org.civicdesk.meetings.Meetings;
import org.civicdesk.meetings.SeriesRef;
import org.civicdesk.shared.CitySettings;
import org.civicdesk.shared.web.Formats;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of a handling report in one language, its reader's: the title, the period and filters it
 * covers, the column heads and the name of each group. The page and the workbook say the same.
 */
@Component
class ReportText {

    /** The report's columns in the order of the workbook, after the group's code and name. */
    static final List<String> COLUMNS = List.of("items", "cases", "signedOnTime", "answered", "answeredOnTime",
            "closed", "inProgress", "overdue", "contacted", "rated", "satisfied", "unsatisfied", "rehandled",
            "categoryA", "categoryB", "categoryC", "onTimeRate", "contactRate", "satisfactionRate", "reworkRate");

    private final MessageSource messages;
    private final Directory directory;
    private final ObjectProvider<Meetings> meetings;
    private final CitySettings city;

    ReportText(MessageSource messages, Directory directory, ObjectProvider<Meetings> meetings, CitySettings city) {
        this.messages = messages;
        this.directory = directory;
        this.meetings = meetings;
        this.city = city;
    }

    String sheetName(Locale locale) {
        return msg("report.sheet", locale);
    }

    /** 办理情况统计（按承办单位）. */
    String title(Report report, Locale locale) {
        return msg("report.title." + report.groupBy(), locale);
    }

    /** The period, the day the figures stand on, and each filter that narrows them. */
    String period(Report report, Locale locale) {
        Formats formats = new Formats(locale, city.timeZone());
        List<String> parts = new ArrayList<>();
        parts.add(msg("report.period", locale, report.from() == null && report.to() == null
                ? msg("report.period.all", locale) : formats.period(report.from(), report.to())));
        parts.add(msg("report.asOf", locale, formats.date(report.asOf())));
        if (report.series() != null && !report.series().isBlank()) {
            parts.add(msg("report.filter.series", locale, seriesName(report.series())));
        }
        if (report.type() != null && !report.type().isBlank()) {
            parts.add(msg("report.filter.type", locale, msg("matter.type." + report.type(), locale)));
        }
        if (report.org() != null) {
            parts.add(msg("report.filter.org", locale, orgName(report.org())));
        }
        return String.join(msg("report.separator", locale), parts);
    }

    String[] columns(Locale locale) {
        List<String> heads = new ArrayList<>();
        heads.add(msg("report.col.key", locale));
        heads.add(msg("report.col.name", locale));
        COLUMNS.forEach(c -> heads.add(msg("report.col." + c, locale)));
        return heads.toArray(String[]::new);
    }

    /** A group's name as people say it: the department's name, the type's, the series', or the month. */
    String label(GroupBy by, Line line, Locale locale) {
        return switch (by) {
            case ORG -> line.label();
            case TYPE -> msg("matter.type." + line.key(), locale);
            case SERIES -> "-".equals(line.key()) ? msg("report.noSeries", locale) : seriesName(line.key());
            case MONTH -> new Formats(locale, city.timeZone()).month(java.time.YearMonth.parse(line.key()));
        };
    }

    String total(Locale locale) {
        return msg("report.total", locale);
    }

    String seriesName(String slug) {
        Meetings m = meetings.getIfAvailable();
        return m == null ? slug : m.series(slug).map(SeriesRef::name).orElse(slug);
    }

    String orgName(String code) {
        return directory.findOrg(code).map(OrgSummary::localName).orElse(code);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
