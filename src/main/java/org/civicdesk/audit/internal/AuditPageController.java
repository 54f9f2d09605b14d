package org.civicdesk.audit.internal;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.civicdesk.audit.AuditEntry;
import org.civicdesk.audit.AuditTrail;
import org.civicdesk.shared.AccountNames;
import org.civicdesk.shared.CitySettings;
import org.civicdesk.shared.web.Pager;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The trail for administrators, a page at a time, in words: who by name, what as an action, when in the city's time. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditPageController {

    private static final int PAGE_SIZE = 50;

    private final AuditTrail trail;
    private final AccountNames names;
    private final CitySettings city;
    private final MessageSource messages;

    AuditPageController(AuditTrail trail, AccountNames names, CitySettings city, MessageSource messages) {
        this.trail = trail;
        this.names = names;
        this.city = city;
        this.messages = messages;
    }

    /**
     * One line of the page.
     *
     * @param actor the display name of who acted, or the username when no account has it (a system task)
     * @param action what was done, in words where a message says it, else as recorded
     */
    record Line(AuditEntry entry, ZonedDateTime at, String actor, String action) {
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String action, @RequestParam(defaultValue = "0") int page, Model model) {
        AuditTrail.Filter filter = new AuditTrail.Filter(actor, entityType, action);
        List<AuditEntry> entries = trail.latest(filter, Pager.offset(page, PAGE_SIZE), PAGE_SIZE);
        Set<String> actors = entries.stream().map(AuditEntry::actor).collect(Collectors.toSet());
        Map<String, String> displayNames = names.displayNames(actors);
        model.addAttribute("verification", trail.verify());
        model.addAttribute("lines", entries.stream().map(e -> new Line(e, e.at().atZone(city.timeZone()),
                displayNames.getOrDefault(e.actor(), e.actor()), actionInWords(e.action()))).toList());
        model.addAttribute("pager", Pager.of(trail.count(filter), entries.size(), page, PAGE_SIZE));
        model.addAttribute("filter", filter);
        return "audit/index";
    }

    /**
     * {@code audit.action.org.created}; a matter's or case's event ({@code case.caseSigned}) by its
     * event's name, {@code audit.action.event.caseSigned}, since either may record it.
     */
    private String actionInWords(String action) {
        int dot = action.indexOf('.');
        String event = dot > 0 ? "audit.action.event." + action.substring(dot + 1) : "audit.action." + action;
        return messages.getMessage(new DefaultMessageSourceResolvable(
                new String[] { "audit.action." + action, event }, action), LocaleContextHolder.getLocale());
    }
}
