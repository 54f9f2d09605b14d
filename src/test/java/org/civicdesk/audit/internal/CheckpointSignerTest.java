package org.civicdesk.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointSignerTest {

    /** Made with {@code openssl genpkey -algorithm ed25519}; its raw public key by {@code openssl pkey -pubout}. */
    private static final String OPENSSL_KEY = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEIO419VGGXeH+DSJu1sGTQZ42nJaTz/ESViug4PGhE23A
            -----END PRIVATE KEY-----
            """;
    private static final String OPENSSL_PUBLIC = "Eyq+Qc05CDQiDuM3B1w3BbbZ1IxAwi0xGF7ZThF4Z38=";

    @TempDir
    Path dir;

    @Test
    void readsAKeyAsOpensslWritesItAndPublishesItsPublicKey() {
        CheckpointSigner signer = new CheckpointSigner(settings(OPENSSL_KEY, null, false, List.of()));
        assertThat(signer.publicKeys()).containsExactly(java.util.Map.entry(signer.keyId(), OPENSSL_PUBLIC));
        String signature = signer.sign("statement\n");
        assertThat(signer.verify(signer.keyId(), "statement\n", signature)).isTrue();
        assertThat(signer.verify(signer.keyId(), "statement 2\n", signature)).isFalse();
        assertThat(signer.verify("0000000000000000", "statement\n", signature)).isFalse();
    }

    @Test
    void aRotatedKeyStillVerifiesWhatItSignedOnlyWhileTrusted() {
        CheckpointSigner old = new CheckpointSigner(settings(OPENSSL_KEY, null, false, List.of()));
        String signedBefore = old.sign("checkpoint 1\n");
        Path next = dir.resolve("next.pem");
        CheckpointSigner rotated = new CheckpointSigner(settings(null, next, true, List.of(OPENSSL_PUBLIC)));
        assertThat(rotated.keyId()).isNotEqualTo(old.keyId());
        assertThat(rotated.verify(old.keyId(), "checkpoint 1\n", signedBefore)).isTrue();
        assertThat(rotated.publicKeys()).containsKeys(rotated.keyId(), old.keyId());

        CheckpointSigner forgetful = new CheckpointSigner(settings(null, next, false, List.of()));
        assertThat(forgetful.keyId()).isEqualTo(rotated.keyId());
        assertThat(forgetful.verify(old.keyId(), "checkpoint 1\n", signedBefore)).isFalse();
    }

    @Test
    void makesAKeyFileOnceWhenAskedAndKeepsIt() throws Exception {
        Path file = dir.resolve("keys/audit.pem");
        String first = new CheckpointSigner(settings(null, file, true, List.of())).keyId();
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(new CheckpointSigner(settings(null, file, true, List.of())).keyId()).isEqualTo(first);
    }

    @Test
    void refusesToStartWithoutAKeyOrWithABadOne() {
        assertThatThrownBy(() -> new CheckpointSigner(settings(null, null, false, List.of())))
                .hasMessageContaining("CIVICDESK_AUDIT_SIGNING_KEY_FILE");
        assertThatThrownBy(() -> new CheckpointSigner(settings(null, dir.resolve("missing.pem"), false, List.of())))
                .hasMessageContaining("missing.pem");
        assertThatThrownBy(() -> new CheckpointSigner(settings("not a key", null, false, List.of())))
                .hasMessageContaining("civicdesk.audit.signing-key");
        assertThatThrownBy(() -> new CheckpointSigner(settings(OPENSSL_KEY, null, false, List.of("AAAA"))))
                .hasMessageContaining("32 bytes");
    }

    private AuditSettings settings(String key, Path file, boolean generate, List<String> trusted) {
        return new AuditSettings(key, file, generate, trusted, dir.resolve("witness"), Duration.ofSeconds(10));
    }
}
