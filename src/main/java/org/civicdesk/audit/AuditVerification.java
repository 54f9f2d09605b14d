package org.civicdesk.audit;

/**
 * The result of checking the whole chain against itself and against its signed checkpoints.
 *
 * @param intact whether every entry still hashes to what it stored and links to its predecessor, and
 *        every checkpoint is present, correctly signed and agrees with the chain
 * @param entries how many entries were checked
 * @param firstBrokenSeq the first entry at which the chain breaks, or {@code null} when intact or
 *        when only a checkpoint is wrong
 * @param checkpoints how many signed checkpoints were checked
 * @param signedThrough the last entry covered by a signed checkpoint (0 when none is yet); later
 *        entries are chained but not yet signed
 * @param problem what is wrong, as a stable code ({@code ENTRY_ALTERED}, {@code ENTRIES_MISSING},
 *        {@code CHECKPOINT_MISMATCH}, {@code CHECKPOINT_SIGNATURE}, {@code CHECKPOINT_MISSING}), or
 *        {@code null} when intact
 */
public record AuditVerification(boolean intact, long entries, Long firstBrokenSeq, long checkpoints,
        long signedThrough, String problem) {
}
