package org.civicdesk.audit.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * How the audit chain is anchored outside the database ({@code civicdesk.audit.*}).
 *
 * @param signingKey the Ed25519 private key that signs checkpoints, PKCS#8 in PEM or Base64
 *        (CIVICDESK_AUDIT_SIGNING_KEY); it takes precedence over {@code signingKeyFile}
 * @param signingKeyFile a file holding that key, as {@code openssl genpkey -algorithm ed25519} writes it
 *        (CIVICDESK_AUDIT_SIGNING_KEY_FILE)
 * @param generateKey whether a missing key file is created with a new key: on for the embedded
 *        database of a single machine, off in production, where every node must have the same key
 * @param trustedKeys public keys of earlier signing keys (Base64 of the raw 32-byte key, as
 *        {@code GET /api/v1/public/audit/keys} shows them), so that checkpoints signed before a key
 *        was rotated still verify (CIVICDESK_AUDIT_TRUSTED_KEYS, comma-separated)
 * @param witnessDir where this node keeps a copy of the latest checkpoint it has signed or seen, so that
 *        one removed from the database is noticed (CIVICDESK_AUDIT_WITNESS_DIR)
 * @param checkpointEvery how soon after a change the chain is signed again
 */
@ConfigurationProperties("civicdesk.audit")
@Validated
record AuditSettings(String signingKey, Path signingKeyFile, @DefaultValue("false") boolean generateKey,
        @DefaultValue List<String> trustedKeys, @DefaultValue("data/audit-checkpoints") @NotNull Path witnessDir,
        @DefaultValue("10s") @NotNull Duration checkpointEvery) {
}
