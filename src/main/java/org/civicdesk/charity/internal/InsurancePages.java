package org.civicdesk.charity.internal;

import java.util.List;

import org.civicdesk.charity.internal.AidForms.ClaimForm;
import org.civicdesk.charity.internal.AidForms.DecisionForm;
import org.civicdesk.charity.internal.AidForms.PaymentForm;
import org.civicdesk.charity.internal.Views.ClaimView;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.IdempotentRequests;
import org.civicdesk.shared.IdempotentRequests.Made;
import org.civicdesk.shared.web.FormPage;
import org.civicdesk.shared.web.Forms;
import org.civicdesk.shared.web.ListFilter;
import org.civicdesk.shared.web.Pager;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The officers' livelihood-insurance pages: a year's policy with its loss ratio, its claims with
 * filters, filing a claim, and each claim's documents, review and payment. Claimants are named only here.
 */
@Controller
@RequestMapping("/charity/insurance")
@PreAuthorize("hasRole('CHARITY_OFFICER')")
class InsurancePages {

    private static final int PAGE_SIZE = 50;

    private final LivelihoodInsurance insurance;
    private final IdempotentRequests requests;
    private final CityDate city;

    InsurancePages(LivelihoodInsurance insurance, IdempotentRequests requests, CityDate city) {
        this.insurance = insurance;
        this.requests = requests;
        this.city = city;
    }

    /**
     * The page of the latest policy that has begun: a policy already set up for a coming year has no
     * claims yet, so officers land on the one they are working on.
     */
    @GetMapping
    String latest(Model model) {
        List<Integer> years = insurance.years();
        if (years.isEmpty()) {
            model.addAttribute("years", years);
            return "charity/claims";
        }
        int thisYear = city.today().getYear();
        return "redirect:/charity/insurance/"
                + years.stream().filter(y -> y <= thisYear).findFirst().orElse(years.get(0));
    }

    @GetMapping("/{year}")
    String claims(@PathVariable int year, @ModelAttribute("filter") ListFilter filter, BindingResult errors,
            @RequestParam(defaultValue = "0") int page, HttpServletResponse response, Model model) {
        model.addAttribute("policy", insurance.view(year));
        model.addAttribute("years", insurance.years());
        model.addAttribute("statuses", Review.Status.values());
        Forms.addIfAbsent(model, "form", ClaimForm::new);
        Checks checks = new Checks();
        LivelihoodInsurance.ClaimFilter query = new LivelihoodInsurance.ClaimFilter(
                filter.status(checks, Review.Status.class), filter.like(), filter.from(checks), filter.to(checks));
        if (ListFilter.refused(checks, errors, response)) {
            return "charity/claims";
        }
        List<ClaimView> claims = insurance.claims(year, query, Pager.offset(page, PAGE_SIZE), PAGE_SIZE);
        model.addAttribute("claims", claims);
        model.addAttribute("pager", Pager.of(insurance.claimsSize(year, query), claims.size(), page, PAGE_SIZE));
        return "charity/claims";
    }

    @PostMapping("/{year}/claims")
    @FormPage("/charity/insurance/{year}")
    String fileClaim(@PathVariable int year, @ModelAttribute("form") ClaimForm form) {
        ClaimView filed = requests.once("charity.insurance-claim", form.getKey(), List.of(year, form.command()),
                () -> Made.created(insurance.fileClaim(year, form.command()), ClaimView::id),
                id -> insurance.claimView(year, id)).result();
        return "redirect:/charity/insurance/" + year + "/claims/" + filed.id();
    }

    @GetMapping("/{year}/claims/{id}")
    String claim(@PathVariable int year, @PathVariable long id, Model model) {
        model.addAttribute("claim", insurance.claimView(year, id));
        model.addAttribute("documents", insurance.documents(year, id));
        Forms.addIfAbsent(model, "approveForm", DecisionForm::new);
        Forms.addIfAbsent(model, "declineForm", DecisionForm::new);
        Forms.addIfAbsent(model, "paymentForm", PaymentForm::new);
        return "charity/claim";
    }

    @PostMapping("/{year}/claims/{id}/attachments")
    @FormPage("/charity/insurance/{year}/claims/{id}")
    String attach(@PathVariable int year, @PathVariable long id, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect) {
        insurance.attach(year, id, file);
        redirect.addFlashAttribute("attached", true);
        return "redirect:/charity/insurance/" + year + "/claims/" + id;
    }

    @GetMapping("/{year}/claims/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> document(@PathVariable int year, @PathVariable long id, @PathVariable long attachmentId) {
        return insurance.document(year, id, attachmentId);
    }

    @PostMapping("/{year}/claims/{id}/approve")
    @FormPage("/charity/insurance/{year}/claims/{id}")
    String approve(@PathVariable int year, @PathVariable long id, @ModelAttribute("approveForm") DecisionForm form) {
        insurance.decide(year, id, form.approval());
        return "redirect:/charity/insurance/" + year + "/claims/" + id;
    }

    @PostMapping("/{year}/claims/{id}/decline")
    @FormPage("/charity/insurance/{year}/claims/{id}")
    String decline(@PathVariable int year, @PathVariable long id, @ModelAttribute("declineForm") DecisionForm form) {
        insurance.decide(year, id, form.refusal());
        return "redirect:/charity/insurance/" + year + "/claims/" + id;
    }

    @PostMapping("/{year}/claims/{id}/payment")
    @FormPage("/charity/insurance/{year}/claims/{id}")
    String pay(@PathVariable int year, @PathVariable long id, @ModelAttribute("paymentForm") PaymentForm form) {
        requests.once("charity.insurance-claim-payment", form.getKey(), List.of(year, id),
                () -> Made.created(insurance.pay(year, id), ClaimView::id), claim -> insurance.claimView(year, claim));
        return "redirect:/charity/insurance/" + year + "/claims/" + id;
    }
}
