package org.civicdesk.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.civicdesk.audit.AuditCheckpoint;

/**
 * This node's own copy, outside the database, of every checkpoint it has signed or seen verified:
 * one file per checkpoint, written once and never changed. A checkpoint that later disappears from
 * the database, or changes there, no longer matches its copy. The folder belongs to one database:
 * starting afresh with an empty database means starting afresh with an empty folder.
 */
class CheckpointWitness {

    private final Path dir;

    CheckpointWitness(Path dir) {
        this.dir = dir;
    }

    /** The exact text kept of a checkpoint: its signed statement and its signature. */
    static String text(AuditCheckpoint checkpoint) {
        return checkpoint.statement() + "signature: " + checkpoint.signature() + "\n";
    }

    void remember(AuditCheckpoint checkpoint) {
        Path file = dir.resolve(checkpoint.no() + ".txt");
        if (Files.exists(file)) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(file, text(checkpoint), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException seenByAnother) {
            // Another thread of this node wrote the same checkpoint a moment earlier.
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the audit checkpoint in " + dir.toAbsolutePath(), e);
        }
    }

    /** Every checkpoint witnessed, by number. */
    Map<Long, String> all() {
        Map<Long, String> kept = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return kept;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.matches("\\d+\\.txt")) {
                    kept.put(Long.parseLong(name.substring(0, name.length() - 4)),
                            Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit checkpoints kept in " + dir.toAbsolutePath(), e);
        }
        return kept;
    }
}
