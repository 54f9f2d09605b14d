package org.civicdesk.matters.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.civicdesk.matters.internal.Views.Stats;
import org.civicdesk.shared.CitySettings;
import org.civicdesk.shared.Redactor;
import org.civicdesk.shared.web.Formats;
import org.civicdesk.shared.web.PublicFigures;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public figures of matters handling: matters raised, closed and in progress from the tallies
 * ({@link Tallies}); per series, what the reporter counted by hand (150 problems, 147 closed, 3 in
 * progress; 239 suggestions as 577 cases); the departments' volume and league table, the months and
 * the on-time and satisfaction trends, from one grouped read of the cases and one of the matters, which
 * the portal reads again only every few minutes; and the latest published answers.
 *
 * <p>The rates are those of the handling report, counted per case: on time (按时办结率) is the answers
 * given by the due date over all answers; satisfaction (满意率) the rated matters not rated unsatisfied
 * over all rated, counted on the answering cases (lead or separate), not on co-handlers'.
 */
@Component
@Transactional(readOnly = true)
class MatterFigures implements PublicFigures {

    /** The dashboards show at most this many of the latest months that have matters. */
    static final int MONTHS = 24;
    private static final int LATEST_ANSWERS = 5;

    private final JdbcClient jdbc;
    private final MatterQueries queries;
    private final Deadlines deadlines;
    private final ReportText text;
    private final MessageSource messages;
    private final CitySettings city;

    MatterFigures(JdbcClient jdbc, MatterQueries queries, Deadlines deadlines, ReportText text,
            MessageSource messages, CitySettings city) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.deadlines = deadlines;
        this.text = text;
        this.messages = messages;
        this.city = city;
    }

    /** A department's cases, answers on time, ratings and overdue cases. */
    record Department(String code, long cases, long answered, long onTime, long rated, long satisfied,
            long overdue) {

        BigDecimal onTimeRate() {
            return MatterReports.rate(onTime, answered);
        }

        BigDecimal satisfactionRate() {
            return MatterReports.rate(satisfied, rated);
        }
    }

    /** A month's matters raised, answered and closed, and its cases answered (on time) and matters rated. */
    record Month(YearMonth month, long raised, long answered, long closed, long casesAnswered, long onTime,
            long rated, long satisfied) {
    }

    @Override
    public List<Figure> headlines(Locale locale) {
        Stats all = queries.stats(null);
        long answered = 0;
        long onTime = 0;
        long rated = 0;
        long satisfied = 0;
        for (Department d : departments()) {
            answered += d.answered();
            onTime += d.onTime();
            rated += d.rated();
            satisfied += d.satisfied();
        }
        String stats = "/public/stats";
        return List.of(
                new Figure("matters-raised", 10, msg(locale, "matters.figures.raised"), count(all.items()),
                        Measure.COUNT, msg(locale, "matters.figures.raised.note", all.cases()), "/public/answers"),
                new Figure("matters-closed", 11, msg(locale, "matters.figures.closed"), count(all.closed()),
                        Measure.COUNT, null, stats),
                new Figure("matters-in-progress", 12, msg(locale, "matters.figures.inProgress"),
                        count(all.inProgress()), Measure.COUNT,
                        msg(locale, "matters.figures.inProgress.note", all.overdue()), stats),
                new Figure("matters-on-time", 13, msg(locale, "matters.figures.onTimeRate"),
                        MatterReports.rate(onTime, answered), Measure.PERCENT, msg(locale, "matters.figures.onTimeRate.note", answered), stats),
                new Figure("matters-satisfaction", 14, msg(locale, "matters.figures.satisfactionRate"),
                        MatterReports.rate(satisfied, rated), Measure.PERCENT,
                        msg(locale, "matters.figures.satisfactionRate.note", rated), stats));
    }

    /** Each series as the reporter counted it: its matters, the cases they were assigned as, closed, open. */
    @Override
    public List<Figure> records(Locale locale) {
        List<Figure> records = new ArrayList<>();
        int order = 10;
        for (String slug : queries.seriesWithMatters()) {
            Stats s = queries.stats(slug);
            records.add(new Figure("series-" + slug, order++, text.seriesName(slug), count(s.items()), Measure.COUNT,
                    msg(locale, "matters.figures.series.note", s.cases(), s.closed(), s.inProgress()),
                    "/public/series/" + slug));
        }
        return records;
    }

    @Override
    public List<Table> tables(Locale locale) {
        String allMatters = msg(locale, "matters.figures.period.all");
        List<Department> departments = departments();
        List<Month> months = months();
        String monthsPeriod = months.isEmpty() ? allMatters
                : msg(locale, "matters.figures.period.months", formats(locale).month(months.get(0).month()),
                        formats(locale).month(months.get(months.size() - 1).month()));
        String department = msg(locale, "matters.figures.department");
        String month = msg(locale, "matters.figures.month");
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("matters-by-source", 10, msg(locale, "matters.figures.bySource"), allMatters, Chart.BAR,
                msg(locale, "matters.figures.source"),
                columns(locale, Measure.COUNT, "stats.items", "stats.cases", "stats.closed", "stats.inProgress"),
                bySource(locale), List.of(1, 3, 4)));
        tables.add(new Table("matters-by-department", 11, msg(locale, "matters.figures.byDepartment"), allMatters,
                Chart.BAR, department,
                columns(locale, Measure.COUNT, "report.col.cases", "report.col.answered", "report.col.overdue"),
                departments.stream().sorted(Comparator.comparingLong(Department::cases).reversed()
                        .thenComparing(Department::code))
                        .map(d -> new Line(text.orgName(d.code()), counts(d.cases(), d.answered(), d.overdue())))
                        .toList(),
                List.of(1, 2, 3)));
        tables.add(new Table("matters-by-month", 12, msg(locale, "matters.figures.byMonth"), monthsPeriod, Chart.LINE,
                month, columns(locale, Measure.COUNT, "matters.figures.col.raised", "matters.figures.col.answered",
                        "matters.figures.col.closed"),
                months.stream().map(m -> new Line(formats(locale).month(m.month()),
                        counts(m.raised(), m.answered(), m.closed()))).toList(),
                List.of(1, 2, 3)));
        tables.add(new Table("matters-trends", 13, msg(locale, "matters.figures.trends"), monthsPeriod, Chart.LINE,
                month, columns(locale, Measure.PERCENT, "report.col.onTimeRate", "report.col.satisfactionRate"),
                months.stream().map(m -> new Line(formats(locale).month(m.month()),
                        Arrays.asList(MatterReports.rate(m.onTime(), m.casesAnswered()),
                                MatterReports.rate(m.satisfied(), m.rated()))))
                        .toList(),
                List.of(1, 2)));
        List<Column> league = new ArrayList<>(columns(locale, Measure.PERCENT, "report.col.onTimeRate",
                "report.col.satisfactionRate"));
        league.addAll(columns(locale, Measure.COUNT, "report.col.answered", "report.col.rated"));
        int[] rank = { 0 };
        tables.add(new Table("departments-league", 14, msg(locale, "matters.figures.league"),
                allMatters + msg(locale, "report.separator") + msg(locale, "matters.figures.league.order"), Chart.BAR,
                department, league,
                league(departments).stream().map(d -> new Line(++rank[0] + ". " + text.orgName(d.code()),
                        Arrays.asList(d.onTimeRate(), d.satisfactionRate(), count(d.answered()),
                                count(d.rated()))))
                        .toList(),
                List.of(1, 2)));
        return tables;
    }

    /** The latest answers as published: titles with contact details removed, nothing confidential. */
    @Override
    public List<Feed> feeds(Locale locale) {
        Formats formats = formats(locale);
        List<Item> items = jdbc.sql("SELECT m.id, m.public_title AS title, c.org_code, c.answered_at"
                + MatterQueries.PUBLISHED + " AND c.answered_at IS NOT NULL ORDER BY c.answered_at DESC, c.id DESC "
                + "LIMIT :limit").param("limit", LATEST_ANSWERS)
                .query((rs, n) -> new Item(Redactor.redact(rs.getString("title")),
                        "/public/answers/" + rs.getLong("id"),
                        formats.date(rs.getObject("answered_at", OffsetDateTime.class)) + " · "
                                + text.orgName(rs.getString("org_code"))))
                .list();
        return List.of(new Feed("answers", 30, msg(locale, "matters.figures.latestAnswers"), "/public/answers", items));
    }

    /** The matters of each series, then those raised outside any series (residents' appeals and others). */
    private List<Line> bySource(Locale locale) {
        List<Line> lines = new ArrayList<>();
        long[] rest = { 0, 0, 0, 0 };
        Stats all = queries.stats(null);
        rest[0] = all.items();
        rest[1] = all.cases();
        rest[2] = all.closed();
        rest[3] = all.inProgress();
        for (String slug : queries.seriesWithMatters()) {
            Stats s = queries.stats(slug);
            lines.add(new Line(text.seriesName(slug), counts(s.items(), s.cases(), s.closed(), s.inProgress())));
            rest[0] -= s.items();
            rest[1] -= s.cases();
            rest[2] -= s.closed();
            rest[3] -= s.inProgress();
        }
        if (rest[0] > 0) {
            lines.add(new Line(msg(locale, "matters.figures.noSeries"), counts(rest)));
        }
        return lines;
    }

    /** Best first: by on-time rate, then satisfaction, then cases answered; no rate yet comes last. */
    static List<Department> league(List<Department> departments) {
        Comparator<BigDecimal> highFirst = Comparator.nullsLast(Comparator.reverseOrder());
        return departments.stream()
                .sorted(Comparator.comparing(Department::onTimeRate, highFirst)
                        .thenComparing(Department::satisfactionRate, highFirst)
                        .thenComparing(Comparator.comparingLong(Department::answered).reversed())
                        .thenComparing(Department::code))
                .toList();
    }

    /**
     * One grouped read of the cases not returned. An answer is on time when given by its due date in the
     * city, as the handling report counts it.
     */
    List<Department> departments() {
        Map<String, Long> overdue = new TreeMap<>();
        jdbc.sql("SELECT org_code, SUM(cases) AS cases FROM case_due_tally WHERE due_date < :today GROUP BY org_code")
                .param("today", deadlines.today())
                .query(rs -> {
                    overdue.put(rs.getString("org_code"), rs.getLong("cases"));
                });
        return jdbc.sql("""
                SELECT c.org_code, COUNT(*) AS cases,
                       SUM(CASE WHEN c.answered_at IS NOT NULL THEN 1 ELSE 0 END) AS answered,
                       SUM(CASE WHEN c.answered_at IS NOT NULL AND %s <= c.due_date THEN 1 ELSE 0 END) AS on_time,
                       SUM(CASE WHEN c.role <> 'CO' AND m.rating IS NOT NULL THEN 1 ELSE 0 END) AS rated,
                       SUM(CASE WHEN c.role <> 'CO' AND m.rating IS NOT NULL AND m.rating <> 'UNSATISFIED'
                           THEN 1 ELSE 0 END) AS satisfied
                FROM handling_case c JOIN matter m ON m.id = c.matter_id
                WHERE c.status <> 'RETURNED' GROUP BY c.org_code""".formatted(cityDay("c.answered_at")))
                .query((rs, n) -> new Department(rs.getString("org_code"), rs.getLong("cases"), rs.getLong("answered"),
                        rs.getLong("on_time"), rs.getLong("rated"), rs.getLong("satisfied"),
                        overdue.getOrDefault(rs.getString("org_code"), 0L)))
                .list();
    }

    /** The latest {@value #MONTHS} months from the first with a matter to the last, none left out between. */
    List<Month> months() {
        TreeMap<YearMonth, long[]> months = new TreeMap<>();
        perMonth("matter m WHERE m.raised_at IS NOT NULL", "m.raised_at", new String[] { "1" }, months, 0);
        perMonth("matter m WHERE m.answered_at IS NOT NULL", "m.answered_at", new String[] { "1" }, months, 1);
        perMonth("matter m WHERE m.closed_at IS NOT NULL", "m.closed_at", new String[] { "1",
                "CASE WHEN m.rating IS NOT NULL THEN 1 ELSE 0 END",
                "CASE WHEN m.rating IS NOT NULL AND m.rating <> 'UNSATISFIED' THEN 1 ELSE 0 END" }, months, 2);
        perMonth("handling_case c WHERE c.answered_at IS NOT NULL AND c.status <> 'RETURNED'", "c.answered_at",
                new String[] { "1", "CASE WHEN " + cityDay("c.answered_at") + " <= c.due_date THEN 1 ELSE 0 END" },
                months, 5);
        List<Month> list = new ArrayList<>();
        if (months.isEmpty()) {
            return list;
        }
        YearMonth last = months.lastKey();
        YearMonth first = months.firstKey();
        if (first.isBefore(last.minusMonths(MONTHS - 1))) {
            first = last.minusMonths(MONTHS - 1);
        }
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            long[] c = months.getOrDefault(m, new long[7]);
            list.add(new Month(m, c[0], c[1], c[2], c[5], c[6], c[3], c[4]));
        }
        return list;
    }

    /**
     * Sums each of {@code counted} per month of {@code at} in the city's time zone, into the counts of
     * each month from index {@code into} on.
     */
    private void perMonth(String from, String at, String[] counted, TreeMap<YearMonth, long[]> months, int into) {
        String local = "(" + at + " AT TIME ZONE '" + zone() + "')";
        StringBuilder inner = new StringBuilder();
        StringBuilder sums = new StringBuilder();
        for (int i = 0; i < counted.length; i++) {
            inner.append(", ").append(counted[i]).append(" AS n").append(i);
            sums.append(", SUM(n").append(i).append(") AS n").append(i);
        }
        jdbc.sql("SELECT y, mo" + sums + " FROM (SELECT EXTRACT(YEAR FROM " + local + ") AS y, EXTRACT(MONTH FROM "
                + local + ") AS mo" + inner + " FROM " + from + ") t GROUP BY y, mo")
                .query(rs -> {
                    long[] c = months.computeIfAbsent(YearMonth.of(rs.getInt("y"), rs.getInt("mo")), k -> new long[7]);
                    for (int i = 0; i < counted.length; i++) {
                        c[into + i] += rs.getLong("n" + i);
                    }
                });
    }

    /** The day of an instant in the city, as SQL; the zone is a validated {@link java.time.ZoneId}. */
    private String cityDay(String column) {
        return "CAST(" + column + " AT TIME ZONE '" + zone() + "' AS DATE)";
    }

    private String zone() {
        return deadlines.zone().getId();
    }

    private List<Column> columns(Locale locale, Measure measure, String... keys) {
        List<Column> columns = new ArrayList<>();
        for (String key : keys) {
            columns.add(new Column(msg(locale, key), measure));
        }
        return columns;
    }

    private static List<BigDecimal> counts(long... values) {
        List<BigDecimal> list = new ArrayList<>();
        for (long v : values) {
            list.add(count(v));
        }
        return list;
    }

    private static BigDecimal count(long value) {
        return BigDecimal.valueOf(value);
    }

    private Formats formats(Locale locale) {
        return new Formats(locale, city.timeZone());
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
