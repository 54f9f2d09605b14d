package org.civicdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class FormatsTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private final Formats zh = new Formats(Locale.SIMPLIFIED_CHINESE, CITY);
    private final Formats en = new Formats(Locale.ENGLISH, CITY);

    @Test
    void moneyIsExactWithThousandsSeparatorsInBothLanguages() {
        for (Formats f : new Formats[] { zh, en }) {
            assertThat(f.money(new BigDecimal("15926000.00"))).isEqualTo("15,926,000.00");
            assertThat(f.money(new BigDecimal("-1234.5"))).isEqualTo("-1,234.50");
            assertThat(f.money(BigDecimal.ZERO)).isEqualTo("0.00");
            assertThat(f.money("0.05")).isEqualTo("0.05");
            assertThat(f.money(new BigDecimal("1592.60"))).isEqualTo("1,592.60");
            assertThat(f.money(new BigDecimal("999999999999.99"))).isEqualTo("999,999,999,999.99");
            assertThat(f.money(null)).isEmpty();
        }
    }

    @Test
    void largeSumsInChineseAreWrittenIn万元And亿元AsThePaperDoes() {
        assertThat(zh.sum(new BigDecimal("15926000.00"))).isEqualTo("1592.6万元");
        assertThat(zh.sum(new BigDecimal("1459300"))).isEqualTo("145.93万元");
        assertThat(zh.sum(new BigDecimal("26744900.00"))).isEqualTo("2674.49万元");
        assertThat(zh.sum(new BigDecimal("350000000"))).isEqualTo("3.5亿元");
        assertThat(zh.sum(new BigDecimal("10000"))).isEqualTo("1万元");
        assertThat(zh.sum(new BigDecimal("-2500000"))).isEqualTo("-250万元");
        assertThat(zh.sum(new BigDecimal("9999.99"))).isEqualTo("9,999.99元");
        assertThat(zh.sum(new BigDecimal("0.50"))).isEqualTo("0.50元");
        assertThat(zh.sum(BigDecimal.ZERO)).isEqualTo("0.00元");
        assertThat(zh.sum(new BigDecimal("12345"))).as("rounded half up to 100 yuan").isEqualTo("1.23万元");
        assertThat(zh.sum(new BigDecimal("12355"))).isEqualTo("1.24万元");
    }

    @Test
    void largeSumsInEnglishAreWrittenInMillionsAndBillions() {
        assertThat(en.sum(new BigDecimal("15926000.00"))).isEqualTo("15.93 million yuan");
        assertThat(en.sum(new BigDecimal("350000000"))).isEqualTo("350 million yuan");
        assertThat(en.sum(new BigDecimal("2500000000"))).isEqualTo("2.5 billion yuan");
        assertThat(en.sum(new BigDecimal("-1000000"))).isEqualTo("-1 million yuan");
        assertThat(en.sum(new BigDecimal("999999.99"))).isEqualTo("999,999.99 yuan");
        assertThat(en.sum(new BigDecimal("0.07"))).isEqualTo("0.07 yuan");
        assertThat(en.sum(BigDecimal.ZERO)).isEqualTo("0.00 yuan");
        assertThat(en.sum(null)).isEmpty();
    }

    @Test
    void countsHaveThousandsSeparators() {
        assertThat(zh.integer(1_600_000)).isEqualTo("1,600,000");
        assertThat(en.integer(1_600_000L)).isEqualTo("1,600,000");
        assertThat(en.integer(0)).isEqualTo("0");
        assertThat(zh.integer(-12_345)).isEqualTo("-12,345");
    }

    @Test
    void datesAreOneFormatPerLanguageAndNeverInUsOrder() {
        LocalDate day = LocalDate.of(2023, 2, 28);
        assertThat(zh.date(day)).isEqualTo("2023-02-28");
        assertThat(en.date(day)).isEqualTo("28 Feb 2023");
        assertThat(en.date(LocalDate.of(2023, 9, 3))).isEqualTo("3 Sep 2023");
        assertThat(zh.date("2023-02-28")).isEqualTo("2023-02-28");
        assertThat(zh.date(null)).isEmpty();
        assertThat(zh.month(YearMonth.of(2023, 2))).isEqualTo("2023年2月");
        assertThat(en.month(YearMonth.of(2023, 2))).isEqualTo("February 2023");
        assertThat(zh.period(day.withDayOfMonth(1), day)).isEqualTo("2023-02-01 – 2023-02-28");
        assertThat(en.period(null, day)).isEqualTo("… – 28 Feb 2023");
        assertThat(en.period(null, null)).isEmpty();
    }

    @Test
    void timesAreShownInTheCitysZoneWhateverOffsetTheyCameWith() {
        OffsetDateTime utc = OffsetDateTime.of(2023, 2, 27, 17, 30, 0, 0, ZoneOffset.UTC);
        assertThat(zh.dateTime(utc)).isEqualTo("2023-02-28 01:30");
        assertThat(en.dateTime(utc)).isEqualTo("28 Feb 2023, 01:30");
        assertThat(zh.date(utc)).as("the city's day, not UTC's").isEqualTo("2023-02-28");
        assertThat(en.time(utc)).isEqualTo("01:30");
        assertThat(zh.dateTime(Instant.parse("2023-02-28T01:00:00Z"))).isEqualTo("2023-02-28 09:00");
        assertThat(zh.time(LocalTime.of(9, 5))).isEqualTo("09:05");
        assertThat(en.dateTime(LocalDate.of(2023, 2, 28))).isEqualTo("28 Feb 2023");
    }

    @Test
    void anyLanguageButEnglishIsWrittenTheChineseWay() {
        Formats other = new Formats(Locale.FRENCH, CITY);
        assertThat(other.date(LocalDate.of(2023, 2, 28))).isEqualTo("2023-02-28");
        assertThat(new Formats(Locale.UK, CITY).date(LocalDate.of(2023, 2, 28))).isEqualTo("28 Feb 2023");
    }
}
