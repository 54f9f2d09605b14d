package org.civicdesk.audit;

import java.time.Instant;

/**
 * A signed statement of the audit chain's position: after entry {@code seq} the chain's hash was
 * {@code entryHash}. Each checkpoint links to the one before it ({@code prevHash}) and is signed with
 * Ed25519 by a key kept outside the database, so whoever can write to the database can neither
 * rewrite the chain nor remove a checkpoint unnoticed. {@link #statement()} is the exact text signed.
 *
 * @param no the checkpoint's number, from 1 without gaps
 * @param chainId the chain the checkpoint belongs to, fixed when the database was created
 * @param prevHash SHA-256 of the previous checkpoint's statement and signature, or 64 zeros for the first
 * @param keyId which signing key signed it (see {@code GET /api/v1/public/audit/keys})
 * @param signature the Ed25519 signature of the statement, in Base64
 */
public record AuditCheckpoint(long no, String chainId, long seq, String entryHash, String prevHash, Instant signedAt,
        String keyId, String signature) {

    /** The UTF-8 text that is signed, one {@code name: value} line each. */
    public String statement() {
        return "civicdesk-audit-checkpoint: 1\nchain: " + chainId + "\nno: " + no + "\nseq: " + seq + "\nhash: "
                + entryHash + "\nprev: " + prevHash + "\nat: " + signedAt + "\nkey: " + keyId + "\n";
    }
}
