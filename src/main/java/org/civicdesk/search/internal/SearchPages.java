package org.civicdesk.search.internal;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public search page, with the administrators' rebuild at its foot. */
@Controller
class SearchPages {

    private final SearchIndex index;
    private final SearchRebuild rebuild;

    SearchPages(SearchIndex index, SearchRebuild rebuild) {
        this.index = index;
        this.rebuild = rebuild;
    }

    @GetMapping("/public/search")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("kinds", index.kinds());
        if (q != null && !q.isBlank()) {
            model.addAttribute("hits", index.search(q, kind, from, to));
        }
        return "search/results";
    }

    @PostMapping("/search/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    String rebuild(RedirectAttributes redirect) {
        redirect.addFlashAttribute("rebuilt", rebuild.rebuild());
        return "redirect:/public/search";
    }
}
