package org.civicdesk.shared.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * How Civic Desk writes money, dates and times for people: the one place these rules live. Pages reach
 * it as {@code #fmt} (see {@link FormatsDialect}); Excel titles and other text for people use it too.
 *
 * <p><b>Money (金额).</b> {@link #money} is the exact amount in yuan with two places and thousands
 * separators, the same in both languages: {@code 15,926,000.00}, {@code -1,234.50}, {@code 0.00}. Every
 * single payment — a donation, a receipt, aid approved or paid, an insurance claim — is shown this way.
 *
 * <p><b>Large sums (万元 / 亿元).</b> {@link #sum} writes a total as the city's paper does: in Chinese from
 * 1万 (10,000 yuan) in 万元 and from 1亿 (100,000,000 yuan) in 亿元, with at most two decimals and no
 * trailing zeros (1592.6万元, 145.93万元, 3.5亿元); in English from one million yuan in million (15.93
 * million yuan) and from one billion in billion; smaller sums are exact ({@code 9,999.99元},
 * {@code 9,999.99 yuan}). It is used for the totals the paper itself writes this way: a campaign's goal and
 * what it raised, the year's disclosure totals, a project's amount on its page and a batch's total, the
 * total of a fair's deals. Rounded half up to two decimals of the unit, it is a headline: the lines of a
 * table (a deal, a project in the report, a donation) stay exact, so the exact figure is always one look
 * away.
 *
 * <p><b>Counts.</b> {@link #integer}: {@code 1,600,000}.
 *
 * <p><b>Dates and times (日期).</b> Chinese {@code 2023-02-28}, English {@code 28 Feb 2023} (never the US
 * order); with a time {@code 2023-02-28 09:30} and {@code 28 Feb 2023, 09:30}; a time alone {@code 09:30};
 * a month {@code 2023年2月} and {@code February 2023}. An instant (an {@link OffsetDateTime}, a
 * {@link ZonedDateTime} or an {@link Instant}) is first moved into the city's time zone, whatever offset it
 * was stored or read with; a local date or time is the city's already.
 *
 * <p>English is written the English way and every other language the
 * Chinese way, Chinese being the interface's first language. {@code null} is written as the empty text.
 */
public final class Formats {

    private static final BigDecimal WAN = new BigDecimal(10_000);
    private static final BigDecimal YI = new BigDecimal(100_000_000);
    private static final BigDecimal MILLION = new BigDecimal(1_000_000);
    private static final BigDecimal BILLION = new BigDecimal(1_000_000_000);

    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.CHINESE);
    private static final DateTimeFormatter ZH_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm",
            Locale.CHINESE);
    private static final DateTimeFormatter ZH_MONTH = DateTimeFormatter.ofPattern("yyyy年M月", Locale.CHINESE);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter EN_DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm",
            Locale.ENGLISH);
    private static final DateTimeFormatter EN_MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final boolean english;
    private final ZoneId zone;

    public Formats(Locale locale, ZoneId zone) {
        this.english = locale != null && "en".equals(locale.getLanguage());
        this.zone = zone;
    }

    /** Exact yuan, two places, thousands separators: {@code 15,926,000.00}. */
    public String money(Object amount) {
        BigDecimal value = decimal(amount);
        return value == null ? "" : grouped(value, "#,##0.00");
    }

    /** A large sum as the paper writes it: 1592.6万元, 3.5亿元, 15.93 million yuan. */
    public String sum(Object amount) {
        BigDecimal value = decimal(amount);
        if (value == null) {
            return "";
        }
        BigDecimal size = value.abs();
        if (english) {
            if (size.compareTo(BILLION) >= 0) {
                return scaled(value, BILLION) + " billion yuan";
            }
            if (size.compareTo(MILLION) >= 0) {
                return scaled(value, MILLION) + " million yuan";
            }
            return money(value) + " yuan";
        }
        if (size.compareTo(YI) >= 0) {
            return scaled(value, YI) + "亿元";
        }
        if (size.compareTo(WAN) >= 0) {
            return scaled(value, WAN) + "万元";
        }
        return money(value) + "元";
    }

    /** A count with thousands separators: {@code 1,600,000}. */
    public String integer(Object count) {
        BigDecimal value = decimal(count);
        return value == null ? "" : grouped(value, "#,##0");
    }

    /** The day, in the city: {@code 2023-02-28} or {@code 28 Feb 2023}. */
    public String date(Object when) {
        TemporalAccessor t = inCity(when);
        return t == null ? "" : (english ? EN_DATE : ZH_DATE).format(t);
    }

    /** The day and the time, in the city: {@code 2023-02-28 09:30} or {@code 28 Feb 2023, 09:30}. */
    public String dateTime(Object when) {
        TemporalAccessor t = inCity(when);
        if (t == null) {
            return "";
        }
        if (t instanceof LocalDate day) {
            return date(day);
        }
        return (english ? EN_DATE_TIME : ZH_DATE_TIME).format(t);
    }

    /** The time of day, in the city: {@code 09:30}. */
    public String time(Object when) {
        TemporalAccessor t = inCity(when);
        return t == null ? "" : TIME.format(t);
    }

    /** A month: {@code 2023年2月} or {@code February 2023}. */
    public String month(Object when) {
        TemporalAccessor t = when instanceof YearMonth m ? m.atDay(1) : inCity(when);
        return t == null ? "" : (english ? EN_MONTH : ZH_MONTH).format(t);
    }

    /** A period between two days, either of which may be open: {@code 2023-01-01 – 2023-02-28}. */
    public String period(Object from, Object to) {
        if (from == null && to == null) {
            return "";
        }
        return (from == null ? "…" : date(from)) + " – " + (to == null ? "…" : date(to));
    }

    private TemporalAccessor inCity(Object when) {
        if (when == null || when instanceof String s && s.isBlank()) {
            return null;
        }
        if (when instanceof OffsetDateTime t) {
            return t.atZoneSameInstant(zone);
        }
        if (when instanceof ZonedDateTime t) {
            return t.withZoneSameInstant(zone);
        }
        if (when instanceof Instant t) {
            return t.atZone(zone);
        }
        if (when instanceof LocalDate || when instanceof LocalDateTime || when instanceof LocalTime) {
            return (TemporalAccessor) when;
        }
        if (when instanceof String s) {
            return LocalDate.parse(s.trim());
        }
        throw new IllegalArgumentException("Not a date or time: " + when.getClass().getName());
    }

    private static BigDecimal decimal(Object amount) {
        if (amount == null || amount instanceof String s && s.isBlank()) {
            return null;
        }
        if (amount instanceof BigDecimal d) {
            return d;
        }
        if (amount instanceof Long || amount instanceof Integer || amount instanceof Short) {
            return BigDecimal.valueOf(((Number) amount).longValue());
        }
        if (amount instanceof Number || amount instanceof String) {
            return new BigDecimal(amount.toString().trim());
        }
        throw new IllegalArgumentException("Not an amount: " + amount.getClass().getName());
    }

    private static String grouped(BigDecimal value, String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    private static String scaled(BigDecimal value, BigDecimal unit) {
        return value.divide(unit, 2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
