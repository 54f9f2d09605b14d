package org.civicdesk.charity.internal;

import java.util.List;

import org.civicdesk.charity.internal.Views.CampaignView;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public charity pages: each campaign's progress with its days and periodic disclosures, and the
 * annual disclosure. No donor is named.
 */
@Controller
class PublicCharityPages {

    private final Campaigns campaigns;
    private final Disclosures disclosures;
    private final CityDate city;
    private final CampaignFigures figures;

    PublicCharityPages(Campaigns campaigns, Disclosures disclosures, CityDate city, CampaignFigures figures) {
        this.campaigns = campaigns;
        this.disclosures = disclosures;
        this.city = city;
        this.figures = figures;
    }

    @GetMapping("/public/charity")
    String campaigns(Model model) {
        model.addAttribute("campaigns", campaigns.all());
        return "charity/public-campaigns";
    }

    @GetMapping("/public/charity/campaigns/{code}")
    String campaign(@PathVariable String code, Model model) {
        CampaignView campaign = campaigns.view(code);
        model.addAttribute("campaign", campaign);
        model.addAttribute("days", figures.days(code));
        model.addAttribute("periods", figures.periods(code));
        model.addAttribute("finalDue", CampaignFigures.finalDisclosureDue(campaign));
        return "charity/public-campaign";
    }

    /**
     * Without a year, the latest year that has ended and has figures: an annual report covers a
     * year that is over.
     */
    @GetMapping("/public/charity/disclosure")
    String disclosure(@RequestParam(required = false) Integer year, Model model) {
        int current = city.today().getYear();
        List<Integer> years = disclosures.years();
        int shown = year != null ? year : years.stream().filter(y -> y < current).findFirst().orElse(current);
        model.addAttribute("years", years);
        model.addAttribute("disclosure", disclosures.of(shown));
        return "charity/disclosure";
    }
}
