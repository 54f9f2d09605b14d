package org.civicdesk.demo.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.civicdesk.charity.AidApplicationCommand;
import org.civicdesk.charity.CampaignCommand;
import org.civicdesk.charity.Charity;
import org.civicdesk.charity.ClaimCommand;
import org.civicdesk.charity.DonationCommand;
import org.civicdesk.charity.PolicyCommand;
import org.civicdesk.charity.ProgrammeCommand;
import org.civicdesk.charity.ReviewDecision;
import org.civicdesk.shared.ReplayableClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The city charity federation's 2022 as the Zhuzhou Daily of 28 February 2023 reports it: 26,744,900
 * yuan raised, of which 15,926,000 on 99 Giving Day; 28,738,100 yuan of aid paid; the one-yuan
 * livelihood insurance for 1.6 million residents with a 1.3 million yuan premium, whose 89 claims
 * paid 1,459,300 yuan (a loss ratio of 112 %); and the 2023 major-illness rules. The paper gives totals
 * only, so every donation, aid application and claim here is an example (示例), generated so that
 * what was paid adds up exactly to the paper's totals. The officer records each on the day it
 * happened: a campaign when it opens, a programme and a policy when they start to apply, a donation
 * on its day, an application or a claim as it is submitted, reviewed and paid.
 */
@Component
class CharityDemo {

    private static final Logger log = LoggerFactory.getLogger(CharityDemo.class);

    private static final String GIVING_DAY = "99GD-2022";
    private static final String REST_OF_2022 = "ZZ-2022";

    private static final String[] AID_2022_CATEGORIES = { "LOW_INCOME", "EXTREME_HARDSHIP", "MEDICAL_POVERTY" };
    private static final String[] INCIDENTS = { "意外摔伤住院（示例）", "交通意外受伤（示例）", "意外烫伤（示例）",
        "见义勇为受伤（示例）" };

    private final Charity charity;

    CharityDemo(Charity charity) {
        this.charity = charity;
    }

    void load() {
        LocalDate givingDay = LocalDate.of(2022, 9, 7);
        ReplayableClock.at(PaperTime.on(givingDay), () -> charity.openCampaign(new CampaignCommand(GIVING_DAY,
                "2022年“99公益日”网络众筹", null, givingDay.toString(), "2022-09-09",
                "株洲市慈善总会参与腾讯“99公益日”网络众筹，共筹善款1592.6万元，是近几年参与项目最多、筹款额最高、"
                        + "捐赠人次最多、新增人次最多的一次。各笔捐赠为示例，合计与报道一致。", true)));
        donations(GIVING_DAY, "15926000", 200, givingDay, 3, "99公益日网络捐赠汇总第%d批（示例）");
        LocalDate newYear = LocalDate.of(2022, 1, 1);
        ReplayableClock.at(PaperTime.on(newYear), () -> charity.openCampaign(new CampaignCommand(REST_OF_2022,
                "2022年度其他募捐", null, newYear.toString(), "2022-12-31",
                "2022年全年募集善款2674.49万元中“99公益日”以外的部分。各笔捐赠为示例，合计与报道一致。", true)));
        donations(REST_OF_2022, "10818900", 60, LocalDate.of(2022, 1, 10), 355, "爱心单位%d（示例）");

        programme(new ProgrammeCommand("AID-2022", "2022年度救助", "LOW_INCOME,EXTREME_HARDSHIP,MEDICAL_POVERTY",
                null, "2022-01-01", "2022年救助支出合计2873.81万元，数以万计的家庭得到救助。各笔支出为示例，合计与报道一致。"));
        programme(new ProgrammeCommand("ILLNESS-2023", "大病救助（2023年）",
                "LOW_INCOME,EXTREME_HARDSHIP,MEDICAL_POVERTY,MULTIPLE_HARDSHIP,HARDSHIP_VETERAN",
                "MULTIPLE_HARDSHIP,HARDSHIP_VETERAN", "2023-01-01",
                "2023年大病救助对象向多人因病或遭遇意外致贫的“复合型特困家庭”倾斜，并将特困退役军人纳入救助范围。"));
        List<BigDecimal> aidPaid = split("28738100", 80);
        for (int i = 0; i < aidPaid.size(); i++) {
            LocalDate paidOn = LocalDate.of(2022, 1, 15).plusDays(i * 4L);
            String amount = aidPaid.get(i).toPlainString();
            AidApplicationCommand application = new AidApplicationCommand(null, "受助家庭%d（示例）".formatted(i + 1),
                    AID_2022_CATEGORIES[i % AID_2022_CATEGORIES.length], amount, "家庭生活困难，申请救助（示例）。", true, true,
                    true);
            long id = ReplayableClock.at(PaperTime.on(paidOn.minusDays(7)), () -> charity.applyForAid("AID-2022", application));
            ReplayableClock.at(PaperTime.on(paidOn.minusDays(3)),
                    () -> charity.decideAid(id, new ReviewDecision(true, amount, null)));
            ReplayableClock.at(PaperTime.on(paidOn), () -> charity.payAid(id));
        }
        waitingForReview();

        ReplayableClock.at(PaperTime.on(newYear),
                () -> charity.insure(new PolicyCommand(2022, 1_600_000L, "1300000.00", null, "城区市民")));
        List<BigDecimal> claims = split("1459300", 89);
        for (int i = 0; i < claims.size(); i++) {
            LocalDate paidOn = LocalDate.of(2022, 2, 1).plusDays(i * 3L);
            String amount = claims.get(i).toPlainString();
            ClaimCommand claim = new ClaimCommand("参保市民%d（示例）".formatted(i + 1), INCIDENTS[i % INCIDENTS.length],
                    paidOn.minusDays(20).toString(), amount, true);
            long id = ReplayableClock.at(PaperTime.on(paidOn.minusDays(14)), () -> charity.fileClaim(2022, claim));
            ReplayableClock.at(PaperTime.on(paidOn.minusDays(3)),
                    () -> charity.decideClaim(2022, id, new ReviewDecision(true, null, null)));
            ReplayableClock.at(PaperTime.on(paidOn), () -> charity.payClaim(2022, id));
        }
        log.info("Loaded the demo city's charity: the 2022 campaigns (99 Giving Day 15,926,000.00 of "
                + "26,744,900.00 raised), 28,738,100.00 of aid and the one-yuan livelihood insurance; the "
                + "entries are examples that add up to the paper's totals.");
    }

    /**
     * Applications to the 2023 major-illness aid waiting for the officer on the paper's day: one by the
     * demo resident, who follows it on their page, and one for a composite-hardship household, which
     * the programme favours and the queue therefore shows first.
     */
    private void waitingForReview() {
        ReplayableClock.at(PaperTime.on(LocalDate.of(2023, 2, 20)), () -> charity.applyForAid("ILLNESS-2023",
                new AidApplicationCommand("raiser", null, "MEDICAL_POVERTY", "20000.00",
                        "家人患重病住院，医保报销后自付部分仍较多（示例）。", true, true, true)));
        ReplayableClock.at(PaperTime.on(LocalDate.of(2023, 2, 24)), () -> charity.applyForAid("ILLNESS-2023",
                new AidApplicationCommand(null, "复合型特困家庭（示例）", "MULTIPLE_HARDSHIP", "30000.00",
                        "家中两人同年患病、一人因意外受伤（示例）。", true, true, true)));
    }

    /** Set up on the day its rules apply from. */
    private void programme(ProgrammeCommand programme) {
        ReplayableClock.at(PaperTime.on(programme.validFrom()), () -> charity.setUpProgramme(programme));
    }

    /** Spreads a total over example donations of one campaign, received every few days from {@code first}. */
    private void donations(String campaign, String total, int count, LocalDate first, int days, String donor) {
        List<BigDecimal> amounts = split(total, count);
        for (int i = 0; i < count; i++) {
            boolean anonymous = i % 10 == 9;
            DonationCommand donation = new DonationCommand(campaign, amounts.get(i).toPlainString(),
                    anonymous ? null : donor.formatted(i + 1), anonymous, true, null);
            String key = "demo-" + campaign + "-" + (i + 1);
            ReplayableClock.at(PaperTime.on(first.plusDays((long) i * days / count)),
                    () -> charity.recordDonation(donation, key));
        }
    }

    /**
     * Whole-yuan parts of uneven sizes that add up exactly to {@code total}: each takes its share of
     * the total by a fixed weight, rounded down, and the last takes what the rounding left.
     */
    static List<BigDecimal> split(String total, int count) {
        BigDecimal whole = new BigDecimal(total);
        long[] weights = new long[count];
        long sum = 0;
        for (int i = 0; i < count; i++) {
            weights[i] = 10 + (i * 7919L) % 97;
            sum += weights[i];
        }
        List<BigDecimal> parts = new ArrayList<>();
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < count - 1; i++) {
            BigDecimal part = whole.multiply(BigDecimal.valueOf(weights[i]))
                    .divideToIntegralValue(BigDecimal.valueOf(sum)).setScale(2);
            parts.add(part);
            given = given.add(part);
        }
        parts.add(whole.subtract(given).setScale(2));
        return parts;
    }
}
