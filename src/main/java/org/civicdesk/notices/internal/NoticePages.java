package org.civicdesk.notices.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.civicdesk.directory.Directory;
import org.civicdesk.directory.OrgSummary;
import org.civicdesk.notices.NoticeCommand;
import org.civicdesk.shared.CitySettings;
import org.civicdesk.shared.web.FormPage;
import org.civicdesk.shared.web.Forms;
import org.civicdesk.shared.web.ListFilter;
import org.civicdesk.shared.web.Pager;
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

/** The public notices pages, and the administrators' page to write, publish and withdraw notices. */
@Controller
class NoticePages {

    private static final int PAGE_SIZE = 20;

    private final NoticeService notices;
    private final Directory directory;
    private final CitySettings city;

    NoticePages(NoticeService notices, Directory directory, CitySettings city) {
        this.notices = notices;
        this.directory = directory;
        this.city = city;
    }

    /** A notice names its publisher by organisation code; readers see the organisation's name. */
    @ModelAttribute("orgNames")
    Map<String, String> orgNames() {
        return directory.orgs(null, null, 1000).stream()
                .collect(Collectors.toMap(OrgSummary::code, OrgSummary::localName, (a, b) -> a));
    }

    @GetMapping("/public/notices")
    String list(@ModelAttribute("filter") NoticeFilter filter, BindingResult errors, HttpServletResponse response,
            @RequestParam(defaultValue = "0") int page, Model model) {
        filter.setStatus(Notice.PUBLISHED);
        model.addAttribute("kinds", NoticeKind.values());
        @SuppressWarnings("unchecked")
        Map<String, String> orgNames = (Map<String, String>) model.getAttribute("orgNames");
        Map<String, String> publishers = new LinkedHashMap<>();
        notices.publishers().forEach(code -> publishers.put(code, orgNames.getOrDefault(code, code)));
        model.addAttribute("publishers", publishers);
        addPage(filter, errors, response, false, page, model);
        return "notices/list";
    }

    @GetMapping("/public/notices/{id}")
    String notice(@PathVariable long id, Model model) {
        model.addAttribute("notice", notices.publicNotice(id));
        return "notices/notice";
    }

    @GetMapping("/notices")
    @PreAuthorize("hasRole('ADMIN')")
    String admin(@ModelAttribute("filter") NoticeFilter filter, BindingResult errors, HttpServletResponse response,
            @RequestParam(defaultValue = "0") int page, Model model) {
        addPage(filter, errors, response, true, page, model);
        model.addAttribute("kinds", NoticeKind.values());
        model.addAttribute("statuses", List.of(Notice.DRAFT, Notice.PUBLISHED));
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

    /** The page of notices the filter asks for, or none when the filter is refused. */
    private void addPage(NoticeFilter filter, BindingResult errors, HttpServletResponse response, boolean withBody,
            int page, Model model) {
        ListFilter.read(errors, response, checks -> filter.criteria(checks, city.timeZone())).ifPresentOrElse(c -> {
            List<Notice> shown = notices.page(c, withBody, Pager.offset(page, PAGE_SIZE), PAGE_SIZE);
            model.addAttribute("notices", shown);
            model.addAttribute("pager", Pager.of(notices.count(c, withBody), shown.size(), page, PAGE_SIZE));
        }, () -> model.addAttribute("notices", List.of()));
    }
}
