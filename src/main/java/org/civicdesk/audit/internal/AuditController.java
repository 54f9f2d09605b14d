package org.civicdesk.audit.internal;

import java.util.List;

import org.civicdesk.audit.AuditCheckpoint;
import org.civicdesk.audit.AuditEntry;
import org.civicdesk.audit.AuditTrail;
import org.civicdesk.audit.AuditVerification;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
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
    @Operation(summary = "Check the chain against itself, its signed checkpoints and the checkpoints this node kept",
            description = "intact is false, with a problem code, when an entry was altered or removed, or a checkpoint "
                    + "was removed, altered or signed by an untrusted key.")
    AuditVerification verify() {
        return trail.verify();
    }

    @PostMapping("/checkpoints")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Sign a checkpoint of the chain as it stands now",
            description = "Checkpoints are also signed by themselves soon after the chain grows and at least daily; "
                    + "all are published at GET /api/v1/public/audit/checkpoints.")
    AuditCheckpoint checkpoint() {
        return trail.checkpoint();
    }

    @GetMapping("/entries")
    List<AuditEntry> entries(@RequestParam(defaultValue = "50") int limit) {
        return trail.latest(Math.max(1, Math.min(limit, 500)));
    }
}
