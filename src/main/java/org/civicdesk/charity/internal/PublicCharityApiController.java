package org.civicdesk.charity.internal;

import java.util.List;

import org.civicdesk.charity.internal.Views.CampaignProgress;
import org.civicdesk.charity.internal.Views.DayFigures;
import org.civicdesk.charity.internal.Views.PeriodDisclosure;
import org.civicdesk.charity.internal.Views.Disclosure;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What anyone may read of charity without signing in: totals only, no donor named. */
@RestController
@RequestMapping("/api/v1/public")
@Tag(name = "Public")
class PublicCharityApiController {

    private final Campaigns campaigns;
    private final Disclosures disclosures;
    private final CampaignFigures figures;

    PublicCharityApiController(Campaigns campaigns, Disclosures disclosures, CampaignFigures figures) {
        this.campaigns = campaigns;
        this.disclosures = disclosures;
        this.figures = figures;
    }

    @GetMapping("/campaigns/{code}")
    @Operation(summary = "A campaign's progress: raised (\"1592.60\"), donations, and distinct donors (each "
            + "anonymous donation counts as one donor)")
    CampaignProgress campaign(@PathVariable String code) {
        return campaigns.progress(code);
    }

    @GetMapping("/campaigns/{code}/days")
    @Operation(summary = "A campaign's days: donations (捐赠人次) and new donors (新增捐赠人) each day, and what it raised",
            description = "Every day of a campaign of up to 31 days (such as 99 Giving Day's three), otherwise the days "
                    + "with gifts, oldest first. A named donor is new on the day of their first gift on the ledger; "
                    + "an anonymous gift counts as one new donor.")
    List<DayFigures> days(@PathVariable String code) {
        return figures.days(code);
    }

    @GetMapping("/campaigns/{code}/disclosures")
    @Operation(summary = "The periodic disclosures of a campaign longer than six months (Charity Law: at least every "
            + "three months)", description = "One per three-month period from the campaign's start that has begun, "
                    + "with what it raised; running while the period has not ended. Empty for a shorter campaign.")
    List<PeriodDisclosure> disclosures(@PathVariable String code) {
        return figures.periods(code);
    }

    @GetMapping("/charity/disclosure/{year}")
    @Operation(summary = "A year's disclosed figures: raised, aid paid, campaigns, livelihood insurance")
    Disclosure disclosure(@PathVariable int year) {
        return disclosures.of(year);
    }
}
