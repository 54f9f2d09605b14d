package org.civicdesk.calls.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.civicdesk.calls.internal.Views.ApplicantView;
import org.civicdesk.calls.internal.Views.ApplicationView;
import org.civicdesk.calls.internal.Views.CallView;
import org.civicdesk.calls.internal.Views.GroupView;
import org.civicdesk.calls.internal.Views.Submitted;
import org.civicdesk.shared.ProblemException;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.web.FormPage;
import org.civicdesk.shared.web.Forms;
import org.civicdesk.shared.web.ListFilter;
import org.civicdesk.shared.web.Pager;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The public pages to read a call, apply, and look up or withdraw one's application, and the
 * organisers' page with the applications.
 */
@Controller
class CallPages {

    private static final int PAGE_SIZE = 20;

    private final CallService calls;

    CallPages(CallService calls) {
        this.calls = calls;
    }

    @GetMapping("/public/calls")
    String list(Model model) {
        model.addAttribute("calls", calls.calls());
        return "calls/list";
    }

    /** The call with its application form. */
    @GetMapping("/public/calls/{code}")
    String call(@PathVariable String code, Model model) {
        return page(code, model);
    }

    private String page(String code, Model model) {
        CallView call = calls.call(code);
        Map<String, String> groups = new LinkedHashMap<>();
        call.groups().forEach(g -> groups.put(g.code(), g.name() == null ? g.code() : g.name()));
        model.addAttribute("call", call);
        model.addAttribute("groups", groups);
        model.addAttribute("sexes", Sex.values());
        Forms.addIfAbsent(model, "form", ApplicationForm::new);
        return "calls/call";
    }

    @PostMapping("/public/calls/{code}/apply")
    @FormPage("/public/calls/{code}")
    String apply(@PathVariable String code, @ModelAttribute("form") ApplicationForm form, RedirectAttributes redirect) {
        Submitted submitted = calls.apply(code, form.command());
        redirect.addFlashAttribute("applied", form.getName());
        redirect.addFlashAttribute("appliedNumber", submitted.id());
        return "redirect:/public/calls/" + code;
    }

    /** The form to look up one's application. */
    @GetMapping("/public/call-applications")
    String lookupForm(Model model) {
        Forms.addIfAbsent(model, "form", ApplicantForm::new);
        return "calls/lookup";
    }

    /**
     * Shows the application to whoever gives its number and phone. The answer is a page, not a
     * redirect, so the phone number never goes into an address, a history or a log; a wrong pair is
     * refused beside the number, saying no more than that no such application was found.
     */
    @PostMapping("/public/call-applications")
    @FormPage("/public/call-applications")
    String lookup(@ModelAttribute("form") ApplicantForm form, Model model) {
        long id = form.id();
        ApplicantView mine = applicantsOwn(id, () -> calls.lookup(id, form.getPhone()));
        model.addAttribute("mine", mine);
        model.addAttribute("groupNames", groupNames(calls.call(mine.call())));
        return "calls/applicant";
    }

    @PostMapping("/public/call-applications/withdraw")
    @FormPage("/public/call-applications")
    String withdraw(@ModelAttribute("form") ApplicantForm form, Model model) {
        long id = form.id();
        applicantsOwn(id, () -> calls.withdraw(id, form.getPhone()));
        ApplicantView mine = calls.lookup(id, form.getPhone());
        model.addAttribute("mine", mine);
        model.addAttribute("groupNames", groupNames(calls.call(mine.call())));
        model.addAttribute("withdrawn", true);
        return "calls/applicant";
    }

    /** Runs an applicant's action, with "not found" shown beside the number the applicant typed. */
    private static <T> T applicantsOwn(long id, Supplier<T> action) {
        try {
            return action.get();
        } catch (ProblemException e) {
            throw e.status() == HttpStatus.NOT_FOUND ? Problems.notFoundIn("number", "application", String.valueOf(id)) : e;
        }
    }

    /** A group is shown by its name (女声部), its code (women) only where it has none. */
    private static Map<String, String> groupNames(CallView call) {
        return call.groups().stream().collect(Collectors.toMap(GroupView::code,
                g -> g.name() == null || g.name().isBlank() ? g.code() : g.name(), (a, b) -> a));
    }

    @GetMapping("/calls/{code}/applications")
    @PreAuthorize("hasRole('ADMIN')")
    String applications(@PathVariable String code, @ModelAttribute("filter") ApplicationFilter filter,
            BindingResult errors, HttpServletResponse response, @RequestParam(defaultValue = "0") int page,
            Model model) {
        CallView call = calls.call(code);
        model.addAttribute("call", call);
        model.addAttribute("groupNames", groupNames(call));
        model.addAttribute("statuses", ApplicationStatus.values());
        model.addAttribute("applications", List.of());
        ListFilter.read(errors, response, checks -> filter.criteria(checks, call)).ifPresent(c -> {
            List<ApplicationView> shown = calls.applications(call, c, Pager.offset(page, PAGE_SIZE), PAGE_SIZE);
            model.addAttribute("applications", shown);
            model.addAttribute("pager", Pager.of(calls.countApplications(call, c), shown.size(), page, PAGE_SIZE));
        });
        return "calls/applications";
    }

    @PostMapping("/calls/applications/{id}/confirm")
    @PreAuthorize("hasRole('ADMIN')")
    String confirm(@PathVariable long id, RedirectAttributes redirect) {
        calls.confirm(id);
        redirect.addFlashAttribute("decided", ApplicationStatus.CONFIRMED.name());
        return "redirect:/calls/" + calls.callOf(id) + "/applications";
    }

    @PostMapping("/calls/applications/{id}/accept")
    @PreAuthorize("hasRole('ADMIN')")
    String accept(@PathVariable long id, RedirectAttributes redirect) {
        return decide(id, ApplicationStatus.ACCEPTED, redirect);
    }

    @PostMapping("/calls/applications/{id}/reject")
    @PreAuthorize("hasRole('ADMIN')")
    String reject(@PathVariable long id, RedirectAttributes redirect) {
        return decide(id, ApplicationStatus.REJECTED, redirect);
    }

    private String decide(long id, ApplicationStatus decision, RedirectAttributes redirect) {
        calls.decide(id, decision);
        redirect.addFlashAttribute("decided", decision.name());
        return "redirect:/calls/" + calls.callOf(id) + "/applications";
    }
}
