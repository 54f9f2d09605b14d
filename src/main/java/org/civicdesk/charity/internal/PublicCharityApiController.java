package org.civicdesk.charity.internal;

import org.civicdesk.charity.internal.Views.CampaignProgress;
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

    PublicCharityApiController(Campaigns campaigns, Disclosures disclosures) {
        this.campaigns = campaigns;
        this.disclosures = disclosures;
    }

    @GetMapping("/campaigns/{code}")
    @Operation(summary = "A campaign's progress: raised (\"1592.60\"), donations, and distinct donors (each "
            + "anonymous donation counts as one donor)")
    CampaignProgress campaign(@PathVariable String code) {
        return campaigns.progress(code);
    }

    @GetMapping("/charity/disclosure/{year}")
    @Operation(summary = "A year's disclosed figures: raised, aid paid, campaigns, livelihood insurance")
    Disclosure disclosure(@PathVariable int year) {
        return disclosures.of(year);
    }
}
