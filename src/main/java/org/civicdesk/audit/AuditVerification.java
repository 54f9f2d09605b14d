package org.civicdesk.audit;

/**
 * The result of checking the whole chain.
 *
 * @param intact whether every entry still hashes to what it stored and links to its predecessor
 * @param entries how many entries were checked
 * @param firstBrokenSeq the first entry at which the chain breaks, or {@code null} when intact
 */
public record AuditVerification(boolean intact, long entries, Long firstBrokenSeq) {
}
