package org.civicdesk.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.civicdesk.audit.AuditCheckpoint;
import org.civicdesk.audit.AuditTrail;
import org.civicdesk.audit.AuditVerification;
import org.civicdesk.support.Api;
import org.civicdesk.support.AuditChain;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

/**
 * Whoever can write to the database can rewrite entries and recompute every hash and the head, or
 * remove entries or checkpoints; none of it can be signed without the key, so verification finds each.
 * Every rewrite happens in a transaction that holds the head of the chain, so no chainer signs over
 * it, and that is rolled back, so the chain is whole again for the next test.
 */
@IntegrationTest
class AuditRewritesIT {

    @Autowired
    Api api;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    AuditCheckpoint signed;

    /** A few changes, chained and covered by a checkpoint, with the chain found intact. */
    @BeforeEach
    void signedChanges() throws Exception {
        String admin = api.adminToken();
        for (int i = 0; i < 3; i++) {
            api.post("/api/v1/orgs", admin, "{\"code\":\"RW-" + Api.unique() + "\",\"name\":\"真名\",\"kind\":\"OTHER\"}")
                    .andExpect(status().isCreated());
        }
        AuditChain.awaitChained(jdbc);
        signed = trail.checkpoint();
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void anEditedEntryIsFoundWhereItWasEdited() throws Exception {
        String admin = api.adminToken();
        String code = "T-" + Api.unique();
        api.post("/api/v1/orgs", admin, "{\"code\":\"" + code + "\",\"name\":\"真名\",\"kind\":\"OTHER\"}");
        AuditChain.awaitChained(jdbc);
        long seq = jdbc.sql("SELECT seq FROM audit_entry WHERE entity_id = :id").param("id", code).query(Long.class)
                .single();
        assertThat(trail.verify().intact()).isTrue();
        AuditVerification broken = rewritten(() -> jdbc.sql(
                "UPDATE audit_entry SET after_state = REPLACE(after_state, '真名', '假名') WHERE seq = :seq")
                .param("seq", seq).update());
        assertThat(broken.intact()).isFalse();
        assertThat(broken.firstBrokenSeq()).isEqualTo(seq);
        assertThat(broken.problem()).isEqualTo("ENTRY_ALTERED");
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void aRemovedLastEntryIsFoundWithoutACheckpoint() throws Exception {
        String admin = api.adminToken();
        api.post("/api/v1/orgs", admin, "{\"code\":\"L-" + Api.unique() + "\",\"name\":\"n\",\"kind\":\"OTHER\"}");
        AuditChain.awaitChained(jdbc);
        AuditVerification broken = rewritten(() -> jdbc.sql(
                "DELETE FROM audit_entry WHERE seq = (SELECT last_seq FROM audit_head WHERE id = 1)").update());
        assertThat(broken.intact()).isFalse();
        assertThat(broken.problem()).isEqualTo("ENTRIES_MISSING");
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void editingTheLastEntryAndRecomputingItsHashAndTheHeadIsFound() {
        AuditVerification found = rewritten(() -> recomputeFrom(signed.seq(), signed.seq()));
        assertThat(found.intact()).isFalse();
        assertThat(found.problem()).isEqualTo("CHECKPOINT_MISMATCH");
        assertThat(found.firstBrokenSeq()).isLessThanOrEqualTo(signed.seq());
    }

    @Test
    void deletingTheLastEntryAndRewindingTheHeadIsFound() {
        AuditVerification found = rewritten(() -> {
            jdbc.sql("DELETE FROM audit_entry WHERE seq >= :seq").param("seq", signed.seq()).update();
            Map<String, Object> before = jdbc.sql("SELECT seq, hash FROM audit_entry WHERE seq = :seq")
                    .param("seq", signed.seq() - 1).query().singleRow();
            jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                    .param("seq", before.get("seq")).param("hash", before.get("hash")).update();
        });
        assertThat(found.intact()).isFalse();
        assertThat(found.problem()).isEqualTo("ENTRIES_MISSING");
        assertThat(found.firstBrokenSeq()).isEqualTo(signed.seq());
    }

    @Test
    void editingAnEntryInTheMiddleAndRecomputingTheRestIsFound() {
        AuditVerification found = rewritten(() -> recomputeFrom(signed.seq() - 2, signed.seq() - 2));
        assertThat(found.intact()).isFalse();
        assertThat(found.problem()).isEqualTo("CHECKPOINT_MISMATCH");
    }

    @Test
    void aRewriteWhoseCheckpointIsRestatedWithoutTheKeyIsFound() {
        AuditVerification found = rewritten(() -> {
            String newHash = recomputeFrom(signed.seq() - 1, signed.seq());
            jdbc.sql("UPDATE audit_checkpoint SET entry_hash = :hash WHERE no = :no").param("hash", newHash)
                    .param("no", signed.no()).update();
        });
        assertThat(found.problem()).isEqualTo("CHECKPOINT_SIGNATURE");
    }

    @Test
    void aCheckpointSignedWithAnotherKeyIsFound() {
        AuditVerification found = rewritten(() -> {
            String newHash = recomputeFrom(signed.seq() - 1, signed.seq());
            Ed25519PrivateKeyParameters forger = new Ed25519PrivateKeyParameters(new java.security.SecureRandom());
            String keyId = CheckpointSigner.keyId(forger.generatePublicKey().getEncoded());
            AuditCheckpoint forged = new AuditCheckpoint(signed.no(), signed.chainId(), signed.seq(), newHash,
                    signed.prevHash(), signed.signedAt(), keyId, null);
            Ed25519Signer s = new Ed25519Signer();
            s.init(true, forger);
            byte[] bytes = forged.statement().getBytes(StandardCharsets.UTF_8);
            s.update(bytes, 0, bytes.length);
            jdbc.sql("UPDATE audit_checkpoint SET entry_hash = :hash, key_id = :key, signature = :sig WHERE no = :no")
                    .param("hash", newHash).param("key", keyId)
                    .param("sig", Base64.getEncoder().encodeToString(s.generateSignature())).param("no", signed.no())
                    .update();
        });
        assertThat(found.problem()).isEqualTo("CHECKPOINT_SIGNATURE");
    }

    @Test
    void deletingTheLatestCheckpointIsFoundByTheCopyThisNodeKept() {
        assertThat(jdbc.sql("SELECT MAX(no) FROM audit_checkpoint").query(Long.class).single()).isEqualTo(signed.no());
        AuditVerification found = rewritten(() -> jdbc.sql("DELETE FROM audit_checkpoint WHERE no = :no")
                .param("no", signed.no()).update());
        assertThat(found.intact()).isFalse();
        assertThat(found.problem()).isEqualTo("CHECKPOINT_MISSING");
    }

    @Test
    void deletingAnEarlierCheckpointBreaksTheLineOfCheckpoints() {
        AuditCheckpoint later = trail.checkpoint();
        assertThat(trail.verify().intact()).isTrue();
        AuditVerification found = rewritten(() -> jdbc.sql("DELETE FROM audit_checkpoint WHERE no = :no")
                .param("no", later.no() - 1).update());
        assertThat(found.problem()).isEqualTo("CHECKPOINT_MISSING");
    }

    @Test
    void checkpointsArePublishedAndVerifyWithThePublicKeyAlone() throws Exception {
        String page = api.get("/api/v1/public/audit/checkpoints?after=" + (signed.no() - 1) + "&limit=1", null)
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].no").value(signed.no()))
                .andExpect(jsonPath("$[0].seq").value(signed.seq())).andReturn().getResponse().getContentAsString();
        String statement = JsonPath.read(page, "$[0].statement");
        String keyId = JsonPath.read(page, "$[0].keyId");
        String keys = api.get("/api/v1/public/audit/keys", null).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        byte[] raw = Base64.getDecoder().decode(JsonPath.<String>read(keys, "$['" + keyId + "']"));
        // An outsider needs nothing of ours: the JDK's own Ed25519 and the X.509 wrapping of a raw key.
        byte[] spki = HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(raw));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
        verifier.update(statement.getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(JsonPath.<String>read(page, "$[0].signature")))).isTrue();
    }

    @Test
    void anAdministratorSignsACheckpointOnDemand() throws Exception {
        api.post("/api/v1/audit/checkpoints", api.adminToken(), "").andExpect(status().isCreated())
                .andExpect(jsonPath("$.no").value(signed.no() + 1));
        api.post("/api/v1/audit/checkpoints", api.tokenFor("SUPERVISOR", null), "").andExpect(status().isForbidden());
        api.get("/api/v1/audit/verify", api.adminToken()).andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.checkpoints").value(signed.no() + 1));
    }

    /** H2 reads a timestamp with time zone as an OffsetDateTime, PostgreSQL's driver as a Timestamp. */
    private static Instant instant(Object at) {
        return at instanceof Timestamp ts ? ts.toInstant() : ((OffsetDateTime) at).toInstant();
    }

    /** Runs the rewrite and verifies in one transaction that holds the head and is rolled back. */
    private AuditVerification rewritten(Runnable rewrite) {
        return transactions.execute(status -> {
            jdbc.sql("SELECT last_seq FROM audit_head WHERE id = 1 FOR UPDATE").query(Long.class).single();
            rewrite.run();
            AuditVerification found = trail.verify();
            status.setRollbackOnly();
            return found;
        });
    }

    /**
     * Edits entry {@code edited}'s after-state and recomputes the hash of every entry from {@code from}
     * on and the head, as someone who knows the hashing would; returns the new hash of the entry at
     * {@code reported}.
     */
    private String recomputeFrom(long edited, long reported) {
        jdbc.sql("UPDATE audit_entry SET after_state = COALESCE(after_state, '') || ' ' WHERE seq = :seq")
                .param("seq", edited).update();
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM audit_entry WHERE seq >= :seq ORDER BY seq")
                .param("seq", edited).query().listOfRows();
        String prev = jdbc.sql("SELECT prev_hash FROM audit_entry WHERE seq = :seq").param("seq", edited)
                .query(String.class).single();
        String reportedHash = null;
        long last = edited;
        for (Map<String, Object> row : rows) {
            long seq = ((Number) row.get("seq")).longValue();
            String hash = JdbcAuditTrail.hash(seq, instant(row.get("at")), (String) row.get("actor"),
                    (String) row.get("action"), (String) row.get("entity_type"), (String) row.get("entity_id"),
                    (String) row.get("before_state"), (String) row.get("after_state"), prev);
            jdbc.sql("UPDATE audit_entry SET prev_hash = :prev, hash = :hash WHERE seq = :seq").param("prev", prev)
                    .param("hash", hash).param("seq", seq).update();
            if (seq == reported) {
                reportedHash = hash;
            }
            prev = hash;
            last = seq;
        }
        jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1").param("seq", last)
                .param("hash", prev).update();
        return reportedHash;
    }
}
