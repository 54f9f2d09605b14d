package org.civicdesk.calls.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.civicdesk.calls.internal.Views.CallView;
import org.civicdesk.shared.web.FormPage;
import org.civicdesk.shared.web.Forms;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public pages to read a call and apply, and the organisers' page with the applications. */
@Controller
class CallPages {

    private final CallService calls;

    CallPages(CallService calls) {
        this.calls = calls;
    }

    @GetMapping("/public/calls")
    String list(Model model) {
        model.addAttribute("calls", calls.calls());
        return "calls/list";
    }

    /**
     * The call with its application form. A first-time visitor has no session yet, and the form's
     * CSRF token needs one; the token is resolved here, before the page is written, because a
     * session can no longer be created once the response has begun.
     */
    @GetMapping("/public/calls/{code}")
    String call(@PathVariable String code, Model model, CsrfToken csrf) {
        csrf.getToken();
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
        calls.apply(code, form.command());
        redirect.addFlashAttribute("applied", form.getName());
        return "redirect:/public/calls/" + code;
    }

    @GetMapping("/calls/{code}/applications")
    @PreAuthorize("hasRole('ADMIN')")
    String applications(@PathVariable String code, Model model) {
        model.addAttribute("call", calls.call(code));
        model.addAttribute("applications", calls.applications(code));
        return "calls/applications";
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
