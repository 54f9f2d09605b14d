package org.civicdesk.audit.internal;

import org.civicdesk.audit.AuditTrail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditPageController {

    private final AuditTrail trail;

    AuditPageController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/admin/audit")
    String audit(Model model) {
        model.addAttribute("verification", trail.verify());
        model.addAttribute("entries", trail.latest(100));
        return "audit/index";
    }
}
