package org.civicdesk.charity.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.civicdesk.shared.CitySettings;
import org.civicdesk.shared.web.Formats;
import org.civicdesk.shared.web.PublicFigures;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The public figures of charity, from the ledger: donations this year, what the campaigns that raised
 * most raised (99 Giving Day's 15,926,000.00 yuan), and the money received against the aid paid
 * out, month by month. Sums only: no donor, applicant or recipient is named.
 */
@Component
class CharityFigures implements PublicFigures {

    /** The front page names this many campaigns, those that raised most first. */
    private static final int CAMPAIGNS = 3;
    private static final int MONTHS = 24;

    private final JdbcClient jdbc;
    private final CityDate today;
    private final MessageSource messages;
    private final CitySettings city;

    CharityFigures(JdbcClient jdbc, CityDate today, MessageSource messages, CitySettings city) {
        this.jdbc = jdbc;
        this.today = today;
        this.messages = messages;
        this.city = city;
    }

    @Override
    public List<Figure> headlines(Locale locale) {
        int year = today.today().getYear();
        record Sum(BigDecimal amount, long donations) {
        }
        Sum sum = jdbc.sql("SELECT COALESCE(SUM(amount), 0) AS amount, COUNT(*) AS donations FROM charity_donation "
                + "WHERE received_on >= :from AND received_on < :to")
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1))
                .query((rs, n) -> new Sum(rs.getBigDecimal("amount"), rs.getLong("donations"))).single();
        return List.of(new Figure("donations-this-year", 20, msg(locale, "charity.figures.thisYear", year),
                sum.amount(), Measure.MONEY, msg(locale, "charity.figures.thisYear.note", sum.donations()),
                "/public/charity"));
    }

    /**
     * The campaigns that raised most, with their totals on the ledger: the sums a reader remembers, such as
     * 99 Giving Day's, rather than whichever small campaign opened last.
     */
    @Override
    public List<Figure> records(Locale locale) {
        List<Figure> records = new ArrayList<>();
        jdbc.sql("""
                SELECT c.code, c.name, COALESCE(SUM(d.amount), 0) AS raised, COUNT(d.id) AS donations
                FROM charity_campaign c LEFT JOIN charity_donation d ON d.campaign_id = c.id
                GROUP BY c.id, c.code, c.name ORDER BY raised DESC, c.id DESC LIMIT :limit""")
                .param("limit", CAMPAIGNS)
                .query(rs -> {
                    records.add(new Figure("campaign-" + rs.getString("code"), 40 + records.size(), rs.getString("name"),
                            rs.getBigDecimal("raised"), Measure.MONEY,
                            msg(locale, "charity.figures.campaign.note", rs.getLong("donations")),
                            "/public/charity/campaigns/" + rs.getString("code")));
                });
        return records;
    }

    /** Donations received and aid paid per month, over the latest months that had either. */
    @Override
    public List<Table> tables(Locale locale) {
        TreeMap<YearMonth, BigDecimal[]> months = new TreeMap<>();
        add(months, 0, "received_on", "charity_donation");
        add(months, 1, "paid_on", "aid_payment");
        List<Line> lines = new ArrayList<>();
        Formats formats = new Formats(locale, city.timeZone());
        String period = msg(locale, "charity.figures.period.none");
        if (!months.isEmpty()) {
            YearMonth first = months.firstKey();
            YearMonth last = months.lastKey();
            if (first.isBefore(last.minusMonths(MONTHS - 1))) {
                first = last.minusMonths(MONTHS - 1);
            }
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                BigDecimal[] sums = months.getOrDefault(m, new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
                lines.add(new Line(formats.month(m), List.of(sums[0], sums[1])));
            }
            period = msg(locale, "charity.figures.period", formats.month(first), formats.month(last));
        }
        return List.of(new Table("charity-income-aid", 30, msg(locale, "charity.figures.incomeAid"), period, Chart.BAR,
                msg(locale, "charity.figures.month"),
                List.of(new Column(msg(locale, "charity.figures.received"), Measure.MONEY),
                        new Column(msg(locale, "charity.figures.aidPaid"), Measure.MONEY)),
                lines, List.of(1, 2)));
    }

    private void add(TreeMap<YearMonth, BigDecimal[]> months, int column, String day, String table) {
        jdbc.sql("SELECT y, mo, SUM(amount) AS amount FROM (SELECT EXTRACT(YEAR FROM " + day + ") AS y, "
                + "EXTRACT(MONTH FROM " + day + ") AS mo, amount FROM " + table + ") t GROUP BY y, mo")
                .query(rs -> {
                    months.computeIfAbsent(YearMonth.of(rs.getInt("y"), rs.getInt("mo")),
                            k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO })[column] = rs.getBigDecimal("amount");
                });
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
