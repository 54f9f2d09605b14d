package org.civicdesk.audit.internal;

import java.util.List;
import java.util.Map;

import org.civicdesk.audit.AuditCheckpoint;
import org.civicdesk.audit.AuditTrail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The signed checkpoints of the audit chain, published for anyone to copy and check: whoever keeps
 * them can later prove that the chain they covered was not rewritten, with the public keys alone.
 */
@RestController
@RequestMapping("/api/v1/public/audit")
@Tag(name = "Audit trail")
class PublicAuditController {

    private final AuditTrail trail;

    PublicAuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/checkpoints")
    @Operation(summary = "Signed checkpoints of the audit chain, oldest first, after number `after`",
            description = "Each signature is Ed25519 over the UTF-8 text of `statement`: the lines "
                    + "`civicdesk-audit-checkpoint: 1`, `chain`, `no`, `seq`, `hash`, `prev`, `at`, `key`, each "
                    + "`name: value` and ending in a newline; `prev` is the SHA-256 (hex) of the previous checkpoint's "
                    + "statement followed by `signature: <signature>` and a newline.")
    List<Published> checkpoints(@RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "100") int limit) {
        return trail.checkpoints(after, Math.max(1, Math.min(limit, 1000))).stream().map(Published::of).toList();
    }

    @GetMapping("/keys")
    @Operation(summary = "The public keys checkpoints are signed with, by key id (Base64 of the raw Ed25519 key)")
    Map<String, String> keys() {
        return trail.signingKeys();
    }

    /** A checkpoint as published, with the exact statement that its signature covers. */
    record Published(long no, String chainId, long seq, String entryHash, String prevHash, String signedAt,
            String keyId, String signature, String statement) {

        static Published of(AuditCheckpoint c) {
            return new Published(c.no(), c.chainId(), c.seq(), c.entryHash(), c.prevHash(), c.signedAt().toString(),
                    c.keyId(), c.signature(), c.statement());
        }
    }
}
