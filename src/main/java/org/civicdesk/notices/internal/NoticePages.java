package org.civicdesk.notices.internal;

import java.util.Map;
import java.util.stream.Collectors;

import org.civicdesk.directory.Directory;
import org.civicdesk.directory.OrgSummary;
import org.civicdesk.notices.NoticeCommand;
import org.civicdesk.shared.web.FormPage;
import org.civicdesk.shared.web.Forms;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public notices pages, and the administrators' page to write, publish and withdraw notices. */
@Controller
class NoticePages {

    private final NoticeService notices;
    private final Directory directory;

    NoticePages(NoticeService notices, Directory directory) {
        this.notices = notices;
        this.directory = directory;
    }

    /** A notice names its publisher by organisation code; readers see the organisation's name. */
    @ModelAttribute("orgNames")
    Map<String, String> orgNames() {
        return directory.orgs(null, null, 1000).stream()
                .collect(Collectors.toMap(OrgSummary::code, OrgSummary::localName, (a, b) -> a));
    }

    @GetMapping("/public/notices")
    String list(Model model) {
        model.addAttribute("notices", notices.published());
        return "notices/list";
    }

    @GetMapping("/public/notices/{id}")
    String notice(@PathVariable long id, Model model) {
        model.addAttribute("notice", notices.publicNotice(id));
        return "notices/notice";
    }

    @GetMapping("/notices")
    @PreAuthorize("hasRole('ADMIN')")
    String admin(Model model) {
        model.addAttribute("notices", notices.all());
        model.addAttribute("kinds", NoticeKind.values());
        Forms.addIfAbsent(model, "form", NoticeForm::announcement);
        return "notices/admin";
    }

    @PostMapping("/notices")
    @PreAuthorize("hasRole('ADMIN')")
    @FormPage("/notices")
    String create(@ModelAttribute("form") NoticeForm form, RedirectAttributes redirect) {
        redirect.addFlashAttribute("done", notices.create(form.command()).title());
        return "redirect:/notices";
    }

    @PostMapping("/notices/{id}/publish")
    @PreAuthorize("hasRole('ADMIN')")
    @FormPage("/notices")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("done", notices.publish(id).title());
        return "redirect:/notices";
    }

    @PostMapping("/notices/{id}/withdraw")
    @PreAuthorize("hasRole('ADMIN')")
    String withdraw(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("done", notices.withdraw(id).title());
        return "redirect:/notices";
    }
}
