package org.civicdesk.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.civicdesk.audit.AuditCheckpoint;

/**
 * This node's own copy, outside the database, of the latest checkpoint it has signed or seen
 * verified. The latest is enough: every checkpoint states the hash of the one before it and they are
 * numbered without gaps, so removing or changing any earlier one breaks that line, and removing or
 * changing the latest no longer matches this copy. One small file, however long the trail grows. The
 * folder belongs to one database: starting afresh with an empty database means starting afresh with
 * an empty folder.
 */
class CheckpointWitness {

    private static final String FILE = "latest-checkpoint.txt";

    private final Path dir;

    CheckpointWitness(Path dir) {
        this.dir = dir;
    }

    /** The exact text kept of a checkpoint: its signed statement and its signature. */
    static String text(AuditCheckpoint checkpoint) {
        return checkpoint.statement() + "signature: " + checkpoint.signature() + "\n";
    }

    /**
     * Keeps the checkpoint if it is later than the one kept. Written aside and moved into place, so a
     * reader never sees half a file; two threads of one node racing may leave the earlier of their
     * two, which only makes the copy less recent, never wrong.
     */
    synchronized void remember(AuditCheckpoint checkpoint) {
        if (latest().map(kept -> kept.no() >= checkpoint.no()).orElse(false)) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path written = Files.createTempFile(dir, "checkpoint", ".tmp");
            Files.writeString(written, checkpoint.no() + "\n" + text(checkpoint), StandardCharsets.UTF_8);
            Files.move(written, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the audit checkpoint in " + dir.toAbsolutePath(), e);
        }
    }

    /** The checkpoint kept, by its number and text. */
    Optional<Kept> latest() {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            int line = content.indexOf('\n');
            return Optional.of(new Kept(Long.parseLong(content.substring(0, line)), content.substring(line + 1)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit checkpoint kept in " + dir.toAbsolutePath(), e);
        }
    }

    record Kept(long no, String text) {
    }
}
