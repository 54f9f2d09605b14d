package org.civicdesk.charity.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.civicdesk.charity.internal.Views.CampaignView;
import org.civicdesk.charity.internal.Views.DayFigures;
import org.civicdesk.charity.internal.Views.PeriodDisclosure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a campaign's public page counts beyond its totals, from the ledger alone:
 * <ul>
 * <li>each day's donations (捐赠人次, every gift counts) and new donors (新增捐赠人) — the figures the
 * paper compares for 99 Giving Day. A named donor is new on the day of their first gift on the ledger,
 * to any campaign; an anonymous gift counts as one new donor, as it counts as one donor in the totals,
 * since nothing public may tell two anonymous gifts of one person apart.</li>
 * <li>the periodic disclosure the Charity Law asks of public fundraising (公开募捐信息公开): a campaign
 * running longer than six months discloses at least every three months, and in full within three
 * months of its end. The periods run three months each from the campaign's start.</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
class CampaignFigures {

    /** A campaign up to this many days long lists each of its days, even one without gifts. */
    static final int EVERY_DAY_UP_TO = 31;
    static final int LONG_CAMPAIGN_MONTHS = 6;
    static final int PERIOD_MONTHS = 3;
    static final int FINAL_DISCLOSURE_MONTHS = 3;

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final CityDate city;

    CampaignFigures(JdbcClient jdbc, Campaigns campaigns, CityDate city) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.city = city;
    }

    /**
     * The campaign's days with their donations and new donors, oldest first: every day of a short
     * campaign (up to {@value #EVERY_DAY_UP_TO} days, such as the three of 99 Giving Day), otherwise
     * the days that had gifts.
     */
    List<DayFigures> days(String code) {
        CampaignView campaign = campaigns.view(code);
        Map<LocalDate, DayFigures> days = new LinkedHashMap<>();
        if (campaign.startsOn() != null && campaign.endsOn() != null
                && ChronoUnit.DAYS.between(campaign.startsOn(), campaign.endsOn()) < EVERY_DAY_UP_TO) {
            for (LocalDate d = campaign.startsOn(); !d.isAfter(campaign.endsOn()); d = d.plusDays(1)) {
                days.put(d, new DayFigures(d, 0, 0, Money.format(BigDecimal.ZERO)));
            }
        }
        jdbc.sql("""
                SELECT d.received_on, COUNT(*) AS donations, SUM(d.amount) AS raised,
                       COALESCE(SUM(CASE WHEN d.anonymous THEN 1 ELSE 0 END), 0)
                       + COUNT(DISTINCT CASE WHEN d.anonymous = FALSE AND NOT EXISTS (
                             SELECT 1 FROM charity_donation e WHERE e.anonymous = FALSE
                             AND e.donor_name = d.donor_name AND e.received_on < d.received_on)
                           THEN d.donor_name END) AS new_donors
                FROM charity_donation d JOIN charity_campaign c ON c.id = d.campaign_id
                WHERE c.code = :code GROUP BY d.received_on ORDER BY d.received_on""")
                .param("code", campaign.code())
                .query((rs, n) -> new DayFigures(rs.getObject("received_on", LocalDate.class), rs.getLong("donations"),
                        rs.getLong("new_donors"), Money.format(rs.getBigDecimal("raised"))))
                .list().forEach(day -> days.put(day.day(), day));
        return days.values().stream().sorted((a, b) -> a.day().compareTo(b.day())).toList();
    }

    /**
     * The disclosures of a campaign longer than six months, one a three-month period that has begun,
     * with what the period raised; none for a shorter campaign, which discloses once when it ends. A
     * campaign without an end counts as long once it has run six months.
     */
    List<PeriodDisclosure> periods(String code) {
        CampaignView campaign = campaigns.view(code);
        LocalDate today = city.today();
        LocalDate start = campaign.startsOn();
        if (start == null || !isLong(start, campaign.endsOn(), today)) {
            return List.of();
        }
        LocalDate last = campaign.endsOn() != null && campaign.endsOn().isBefore(today) ? campaign.endsOn() : today;
        List<PeriodDisclosure> periods = new ArrayList<>();
        for (int n = 0; !start.plusMonths((long) n * PERIOD_MONTHS).isAfter(last); n++) {
            LocalDate from = start.plusMonths((long) n * PERIOD_MONTHS);
            LocalDate to = start.plusMonths((long) (n + 1) * PERIOD_MONTHS).minusDays(1);
            if (campaign.endsOn() != null && to.isAfter(campaign.endsOn())) {
                to = campaign.endsOn();
            }
            periods.add(period(campaign.code(), n + 1, from, to, today));
        }
        return periods;
    }

    /** The day by which the campaign's full disclosure is due: three months after its end. */
    static LocalDate finalDisclosureDue(CampaignView campaign) {
        return campaign.endsOn() == null ? null : campaign.endsOn().plusMonths(FINAL_DISCLOSURE_MONTHS);
    }

    static boolean isLong(LocalDate start, LocalDate end, LocalDate today) {
        return !(end != null ? end : today).isBefore(start.plusMonths(LONG_CAMPAIGN_MONTHS));
    }

    private PeriodDisclosure period(String code, int number, LocalDate from, LocalDate to, LocalDate today) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(d.amount), 0) AS raised, COUNT(d.id) AS donations
                FROM charity_donation d JOIN charity_campaign c ON c.id = d.campaign_id
                WHERE c.code = :code AND d.received_on >= :from AND d.received_on <= :to""")
                .param("code", code).param("from", from).param("to", to)
                .query((rs, n) -> new PeriodDisclosure(number, from, to, Money.format(rs.getBigDecimal("raised")),
                        rs.getLong("donations"), !to.isBefore(today)))
                .single();
    }
}
