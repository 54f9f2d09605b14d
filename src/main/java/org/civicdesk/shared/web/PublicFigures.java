package org.civicdesk.shared.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a module shows the public of itself on the front page and the dashboards (数据看板): its live
 * figures, the counts of its sources (a series' problems, a campaign's donations), its latest items,
 * its places on the map, and the tables the dashboards chart. A module implements it in its internal
 * package, as it contributes navigation with {@link NavEntry}; the portal reads every implementation
 * and depends on none. Everything comes worded in the reader's language and holds nothing personal:
 * counts, sums and rates, and the titles of what is already public.
 */
public interface PublicFigures {

    /** How a value reads: a count, a percentage with one decimal, or yuan with two places. */
    enum Measure {
        COUNT, PERCENT, MONEY
    }

    /** How a table is charted. */
    enum Chart {
        BAR, LINE, PIE
    }

    /**
     * One figure.
     *
     * @param value null where nothing was counted yet, such as the rate of no answers
     * @param note a line beneath it, or null
     * @param url the page that explains it, or null
     */
    record Figure(String id, int order, String label, BigDecimal value, Measure measure, String note, String url) {
    }

    record Column(String heading, Measure measure) {
    }

    /** One row of a table: its label, then a value per column (null where there is none). */
    record Line(String label, List<BigDecimal> values) {

        public Line {
            // Not List.copyOf: a value may be null.
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /**
     * One table of the dashboards, charted above and downloadable.
     *
     * @param id lower-case letters, digits and hyphens, unique: it names the table's address and files
     * @param period the period and anything else the figures are limited to, in words
     * @param labelHeading the heading of the first column, which holds each line's label
     * @param plotted the columns the chart draws, counted from 1 (0 holds the labels)
     */
    record Table(String id, int order, String title, String period, Chart chart, String labelHeading,
            List<Column> columns, List<Line> lines, List<Integer> plotted) {

        private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,60}");

        public Table {
            if (!ID.matcher(Objects.requireNonNull(id)).matches()) {
                throw new IllegalArgumentException("A table id is [a-z0-9-]{1,60}: " + id);
            }
            columns = List.copyOf(columns);
            lines = List.copyOf(lines);
            plotted = List.copyOf(plotted);
        }
    }

    /** One item of a list on the front page, such as a notice, a meeting or an answer. */
    record Item(String title, String url, String note) {
    }

    record Feed(String id, int order, String title, String moreUrl, List<Item> items) {

        public Feed {
            items = List.copyOf(items);
        }
    }

    /** A place on the front page's map; kind and level are the places module's codes. */
    record Point(String name, String url, BigDecimal lat, BigDecimal lon, String kind, String level) {
    }

    /** The city's live figures: matters raised and closed, rates, donations this year, meetings this month. */
    default List<Figure> headlines(Locale locale) {
        return List.of();
    }

    /** What each source counts, as a reporter would: a series' problems and cases, a campaign's donations. */
    default List<Figure> records(Locale locale) {
        return List.of();
    }

    default List<Table> tables(Locale locale) {
        return List.of();
    }

    /** The latest items; read on every view, so each must be cheap. */
    default List<Feed> feeds(Locale locale) {
        return List.of();
    }

    default List<Point> points() {
        return List.of();
    }
}
