package org.civicdesk.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs audit checkpoints with the configured Ed25519 key and checks them against the keys trusted:
 * the current one and those rotated out ({@link AuditSettings#trustedKeys()}). The key never enters
 * the database, so nobody who can only write there can sign.
 */
class CheckpointSigner {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSigner.class);

    private final Ed25519PrivateKeyParameters key;
    private final String keyId;
    private final Map<String, Ed25519PublicKeyParameters> trusted = new LinkedHashMap<>();

    CheckpointSigner(AuditSettings settings) {
        this.key = load(settings);
        Ed25519PublicKeyParameters own = key.generatePublicKey();
        this.keyId = keyId(own.getEncoded());
        trusted.put(keyId, own);
        for (String encoded : settings.trustedKeys()) {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(encoded.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("civicdesk.audit.trusted-keys: not Base64: " + encoded, e);
            }
            if (raw.length != Ed25519PublicKeyParameters.KEY_SIZE) {
                throw new IllegalStateException("civicdesk.audit.trusted-keys: an Ed25519 public key has 32 bytes, not "
                        + raw.length + ": " + encoded);
            }
            trusted.put(keyId(raw), new Ed25519PublicKeyParameters(raw));
        }
    }

    String keyId() {
        return keyId;
    }

    String sign(String statement) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        byte[] bytes = statement.getBytes(StandardCharsets.UTF_8);
        signer.update(bytes, 0, bytes.length);
        return Base64.getEncoder().encodeToString(signer.generateSignature());
    }

    /** Whether a trusted key of that id made this signature of the statement. */
    boolean verify(String keyId, String statement, String signature) {
        Ed25519PublicKeyParameters publicKey = trusted.get(keyId);
        if (publicKey == null) {
            return false;
        }
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, publicKey);
        byte[] bytes = statement.getBytes(StandardCharsets.UTF_8);
        verifier.update(bytes, 0, bytes.length);
        return verifier.verifySignature(sig);
    }

    /** The trusted public keys by id, the current one first. */
    Map<String, String> publicKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        trusted.forEach((id, k) -> keys.put(id, Base64.getEncoder().encodeToString(k.getEncoded())));
        return keys;
    }

    /** The first 16 hex digits of the SHA-256 of the raw public key. */
    static String keyId(byte[] rawPublicKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rawPublicKey)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static Ed25519PrivateKeyParameters load(AuditSettings settings) {
        if (settings.signingKey() != null && !settings.signingKey().isBlank()) {
            return parse(settings.signingKey(), "civicdesk.audit.signing-key");
        }
        Path file = settings.signingKeyFile();
        if (file == null) {
            throw new IllegalStateException("The audit chain needs a signing key: set CIVICDESK_AUDIT_SIGNING_KEY_FILE to an "
                    + "Ed25519 key file (openssl genpkey -algorithm ed25519 -out audit-signing-key.pem) or "
                    + "CIVICDESK_AUDIT_SIGNING_KEY to its contents. See docs/deployment.md.");
        }
        if (!Files.exists(file) && settings.generateKey()) {
            generate(file);
        }
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the audit signing key " + file.toAbsolutePath() + ": " + e, e);
        }
    }

    /** Creates the key file once; a second node or context starting at the same moment reads the first one's. */
    private static void generate(Path file) {
        Ed25519PrivateKeyParameters fresh = new Ed25519PrivateKeyParameters(new SecureRandom());
        try {
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(PrivateKeyInfoFactory.createPrivateKeyInfo(fresh).getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // Written aside and linked into place, so that a node starting alongside never reads half a key.
            Path written = Files.createTempFile(dir, "audit-signing-key", ".tmp");
            try {
                Files.writeString(written, pem);
                Files.createLink(file, written);
            } finally {
                Files.delete(written);
            }
            log.warn("Generated a new audit signing key in {}. Keep it safe and outside the database's backups; "
                    + "production nodes share one key set by CIVICDESK_AUDIT_SIGNING_KEY_FILE.", file.toAbsolutePath());
        } catch (FileAlreadyExistsException createdByAnother) {
            // Another context created it a moment earlier: load that one.
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit signing key " + file.toAbsolutePath(), e);
        }
    }

    private static Ed25519PrivateKeyParameters parse(String text, String source) {
        String base64 = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            AsymmetricKeyParameter parsed = PrivateKeyFactory.createKey(Base64.getDecoder().decode(base64));
            if (parsed instanceof Ed25519PrivateKeyParameters ed25519) {
                return ed25519;
            }
            throw new IllegalStateException(source + " is not an Ed25519 key but " + parsed.getClass().getSimpleName());
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not a PKCS#8 private key in PEM or Base64: " + e.getMessage(), e);
        }
    }
}
