package org.civicdesk.audit.internal;

import java.util.List;

import org.civicdesk.audit.AuditEntry;
import org.civicdesk.audit.AuditTrail;
import org.civicdesk.audit.AuditVerification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Audit trail")
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/verify")
    AuditVerification verify() {
        return trail.verify();
    }

    @GetMapping("/entries")
    List<AuditEntry> entries(@RequestParam(defaultValue = "50") int limit) {
        return trail.latest(Math.max(1, Math.min(limit, 500)));
    }
}
