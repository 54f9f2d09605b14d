package org.civicdesk.charity.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.civicdesk.charity.internal.AidForms.ApplicationForm;
import org.civicdesk.charity.internal.AidForms.DecisionForm;
import org.civicdesk.charity.internal.AidForms.PaymentForm;
import org.civicdesk.charity.internal.AidForms.QueueFilterForm;
import org.civicdesk.charity.internal.Views.AidApplicationView;
import org.civicdesk.charity.internal.Views.PaymentView;
import org.civicdesk.charity.internal.Views.ProgrammeView;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.IdempotentRequests;
import org.civicdesk.shared.Role;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Aid on the web: the programmes and their rules for everyone; applying and following one's
 * applications for a signed-in resident, with their documents; the queue, the review and the payment
 * for charity officers. Officers and community workers also apply for residents.
 */
@Controller
class AidPages {

    private static final int PAGE_SIZE = 50;

    private final AidProgrammes programmes;
    private final AidApplications applications;
    private final IdempotentRequests requests;

    AidPages(AidProgrammes programmes, AidApplications applications, IdempotentRequests requests) {
        this.programmes = programmes;
        this.applications = applications;
        this.requests = requests;
    }

    @GetMapping("/public/charity/aid")
    String programmes(Model model) {
        model.addAttribute("programmes", programmes.all());
        return "charity/aid-programmes";
    }

    @GetMapping("/aid/programmes/{code}/apply")
    String applyForm(@PathVariable String code, Model model) {
        model.addAttribute("programme", programmes.view(code));
        model.addAttribute("onBehalf", applications.appliesForOthers(Actor.require()));
        model.addAttribute("categories", Arrays.asList(HouseholdCategory.values()));
        Forms.addIfAbsent(model, "form", ApplicationForm::new);
        return "charity/aid-apply";
    }

    @PostMapping("/aid/programmes/{code}/applications")
    @FormPage("/aid/programmes/{code}/apply")
    String apply(@PathVariable String code, @ModelAttribute("form") ApplicationForm form, RedirectAttributes redirect) {
        AidApplicationView submitted = requests.once("charity.aid-application", form.getKey(),
                List.of(code, form.command()), () -> Made.created(applications.apply(code, form.command()),
                        AidApplicationView::id), applications::application).result();
        redirect.addFlashAttribute("submitted", true);
        return "redirect:/aid/applications/" + submitted.id();
    }

    @GetMapping("/aid/applications")
    String mine(Model model) {
        model.addAttribute("applications", applications.of(Actor.require().username()));
        return "charity/aid-mine";
    }

    /** The applicant's status page, which is also where an officer reviews and pays. */
    @GetMapping("/aid/applications/{id}")
    String application(@PathVariable long id, Model model) {
        AidApplicationView aid = applications.application(id);
        Actor reader = Actor.require();
        model.addAttribute("aid", aid);
        model.addAttribute("documents", applications.documents(id));
        model.addAttribute("mayAttach", aid.status() == Review.Status.SUBMITTED || reader.has(Role.CHARITY_OFFICER));
        Forms.addIfAbsent(model, "approveForm", DecisionForm::new);
        Forms.addIfAbsent(model, "declineForm", DecisionForm::new);
        Forms.addIfAbsent(model, "paymentForm", PaymentForm::new);
        return "charity/aid-application";
    }

    @PostMapping("/aid/applications/{id}/attachments")
    @FormPage("/aid/applications/{id}")
    String attach(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect) {
        applications.attach(id, file);
        redirect.addFlashAttribute("attached", true);
        return "redirect:/aid/applications/" + id;
    }

    @GetMapping("/aid/applications/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long attachmentId) {
        return applications.document(id, attachmentId);
    }

    @GetMapping("/charity/aid")
    @PreAuthorize("hasRole('CHARITY_OFFICER')")
    String queue(@ModelAttribute("filter") QueueFilterForm filter, BindingResult errors,
            @RequestParam(defaultValue = "0") int page, HttpServletResponse response, Model model) {
        List<ProgrammeView> all = programmes.all();
        Checks checks = new Checks();
        String programme = Campaigns.blankToNull(filter.getProgramme());
        checks.check(programme == null || all.stream().anyMatch(p -> p.code().equals(programme)), "programme",
                "charity.validation.unknownProgramme");
        AidApplications.QueueFilter query = new AidApplications.QueueFilter(filter.status(checks, Review.Status.class),
                programme, filter.like(), filter.from(checks), filter.to(checks));
        Map<String, String> programmeOptions = new LinkedHashMap<>();
        all.forEach(p -> programmeOptions.put(p.code(), p.name()));
        model.addAttribute("programmeOptions", programmeOptions);
        model.addAttribute("statuses", Review.Status.values());
        if (ListFilter.refused(checks, errors, response)) {
            return "charity/aid-queue";
        }
        List<AidApplicationView> lines = applications.queue(query, Pager.offset(page, PAGE_SIZE), PAGE_SIZE);
        model.addAttribute("applications", lines);
        model.addAttribute("pager", Pager.of(applications.queueSize(query), lines.size(), page, PAGE_SIZE));
        return "charity/aid-queue";
    }

    @PostMapping("/charity/aid/applications/{id}/approve")
    @PreAuthorize("hasRole('CHARITY_OFFICER')")
    @FormPage("/aid/applications/{id}")
    String approve(@PathVariable long id, @ModelAttribute("approveForm") DecisionForm form) {
        applications.decide(id, form.approval());
        return "redirect:/aid/applications/" + id;
    }

    @PostMapping("/charity/aid/applications/{id}/decline")
    @PreAuthorize("hasRole('CHARITY_OFFICER')")
    @FormPage("/aid/applications/{id}")
    String decline(@PathVariable long id, @ModelAttribute("declineForm") DecisionForm form) {
        applications.decide(id, form.refusal());
        return "redirect:/aid/applications/" + id;
    }

    @PostMapping("/charity/aid/applications/{id}/payment")
    @PreAuthorize("hasRole('CHARITY_OFFICER')")
    @FormPage("/aid/applications/{id}")
    String pay(@PathVariable long id, @ModelAttribute("paymentForm") PaymentForm form) {
        try {
            requests.once("charity.aid-payment", form.getKey(), List.of(id),
                    () -> Made.created(applications.pay(id), PaymentView::id), programmes::payment);
        } catch (RuntimeException failure) {
            throw applications.lostRace(id, failure);
        }
        return "redirect:/aid/applications/" + id;
    }
}
