package org.civicdesk.charity.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.civicdesk.charity.internal.CharityForms.CampaignForm;
import org.civicdesk.charity.internal.CharityForms.DonationForm;
import org.civicdesk.charity.internal.Views.DonationView;
import org.civicdesk.directory.AccountSummary;
import org.civicdesk.directory.Directory;
import org.civicdesk.directory.OrgSummary;
import org.civicdesk.shared.web.FormPage;
import org.civicdesk.shared.web.Forms;
import org.civicdesk.shared.web.Pager;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The charity officers' pages: campaigns, recording a donation, the ledger and the printable
 * donation receipt (捐赠票据). Donor names appear only here, to officers.
 */
@Controller
@RequestMapping("/charity")
@PreAuthorize("hasRole('CHARITY_OFFICER')")
class CharityPages {

    private static final int PAGE_SIZE = 50;

    private final Campaigns campaigns;
    private final DonationLedger ledger;
    private final Directory directory;

    CharityPages(Campaigns campaigns, DonationLedger ledger, Directory directory) {
        this.campaigns = campaigns;
        this.ledger = ledger;
        this.directory = directory;
    }

    @GetMapping("/campaigns")
    String campaigns(Model model) {
        model.addAttribute("campaigns", campaigns.all());
        Forms.addIfAbsent(model, "form", CampaignForm::new);
        return "charity/campaigns";
    }

    @PostMapping("/campaigns")
    @FormPage("/charity/campaigns")
    String createCampaign(@ModelAttribute("form") CampaignForm form, RedirectAttributes redirect) {
        redirect.addFlashAttribute("saved", campaigns.create(form.command()).name());
        return "redirect:/charity/campaigns";
    }

    @GetMapping("/donations/new")
    String newDonation(@RequestParam(required = false) String campaign, Model model) {
        Forms.addIfAbsent(model, "form", () -> {
            DonationForm form = new DonationForm();
            form.setCampaign(campaign);
            return form;
        });
        Map<String, String> campaignOptions = new LinkedHashMap<>();
        campaigns.all().forEach(c -> campaignOptions.put(c.code(), c.name()));
        model.addAttribute("campaignOptions", campaignOptions);
        return "charity/donate";
    }

    /** The Idempotency-Key of a form is never the reader's fault: its refusal shows above the fields. */
    @PostMapping("/donations")
    @FormPage("/charity/donations/new")
    String recordDonation(@ModelAttribute("form") DonationForm form, RedirectAttributes redirect) {
        DonationView recorded = ledger.record(form.command(), form.getKey()).donation();
        redirect.addFlashAttribute("saved", true);
        return "redirect:/charity/donations/" + recorded.id() + "/receipt";
    }

    @GetMapping("/donations")
    String ledger(@RequestParam(required = false) String campaign, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("campaigns", campaigns.all());
        model.addAttribute("campaign", campaign);
        model.addAttribute("q", q);
        List<DonationView> donations = ledger.ledger(campaign, q, Pager.offset(page, PAGE_SIZE), PAGE_SIZE);
        model.addAttribute("donations", donations);
        model.addAttribute("pager", Pager.of(ledger.ledgerSize(campaign, q), donations.size(), page, PAGE_SIZE));
        return "charity/ledger";
    }

    @GetMapping("/donations/{id}/receipt")
    String receipt(@PathVariable long id, Model model) {
        DonationView donation = ledger.donation(id);
        model.addAttribute("donation", donation);
        model.addAttribute("issuer", directory.findAccount(donation.handledBy()).map(AccountSummary::orgCode)
                .flatMap(directory::findOrg).map(OrgSummary::localName).orElse(null));
        return "charity/receipt";
    }
}
