package org.civicdesk.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files attached to a record (附件): a letter, a certificate, a receipt. They are kept in the database,
 * in a table of the module that owns the record, so that every app node serves them; each is checked
 * against {@link AttachmentSettings} and stored with its SHA-256. Who may attach and download is the
 * owning module's decision, taken before it calls here; this class only stores and serves.
 *
 * <p>A table holding attachments has the owner's key columns and {@code id, filename, content_type,
 * size_bytes, sha256, data, uploaded_by, uploaded_at}.
 */
@Component
public class Attachments {

    /** What the API documents of every endpoint that takes an attachment. */
    public static final String API_DOC = "Multipart part \"file\": PDF, JPEG or PNG image, Word, Excel or text, at "
            + "most the size the city sets (civicdesk.attachments.*, 10 MB by default); anything else is 400 naming "
            + "the field file. Kept with its SHA-256.";

    private static final Pattern NAME = Pattern.compile("[a-z_]{1,63}");

    /**
     * The record files are attached to: the module's table and the values of the owner's key columns.
     * The table and column names are the module's constants, never anything a request sent.
     */
    public record Owner(String table, Map<String, Object> key) {

        public Owner {
            key = new LinkedHashMap<>(key);
            if (!NAME.matcher(table).matches() || key.isEmpty()
                    || !key.keySet().stream().allMatch(column -> NAME.matcher(column).matches())) {
                throw new IllegalArgumentException("not a table and key columns: " + table + " " + key.keySet());
            }
        }

        public static Owner of(String table, String column, Object value) {
            return new Owner(table, Map.of(column, value));
        }

        private String where() {
            return key.keySet().stream().map(column -> column + " = :" + column).collect(Collectors.joining(" AND "));
        }
    }

    /** An attached file without its content. */
    public record Attachment(long id, String filename, String contentType, long sizeBytes, String sha256,
            String uploadedBy, OffsetDateTime uploadedAt) {
    }

    private final JdbcClient jdbc;
    private final AttachmentSettings settings;
    private final Clock clock;

    Attachments(JdbcClient jdbc, AttachmentSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** The largest file taken, in whole megabytes, for the pages' help text. */
    public long maxMegabytes() {
        return settings.maxSize().toMegabytes();
    }

    /**
     * Stores a file for the owner, uploaded by the signed-in account; a missing, too large or
     * unaccepted file is a 400 naming the field {@code file}, and nothing is stored.
     */
    public Attachment attach(Owner owner, MultipartFile file) {
        String type = file == null || file.getContentType() == null ? "" : file.getContentType();
        String name = file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "attachment" : file.getOriginalFilename().strip();
        Checks checks = new Checks();
        boolean present = file != null && !file.isEmpty();
        checks.check(present, "file", "validation.required");
        if (present) {
            checks.check(file.getSize() <= settings.maxSize().toBytes(), "file", "validation.fileTooLarge",
                    maxMegabytes());
            checks.check(settings.allowedTypes().contains(type), "file", "validation.fileType");
            checks.maxLength("file", name, 255);
        }
        checks.throwIfAny();
        byte[] data = bytes(file);
        String sha = sha256(data);
        String by = Actor.require().username();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<String> columns = new ArrayList<>(owner.key().keySet());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO " + owner.table() + " (" + String.join(", ", columns)
                + ", filename, content_type, size_bytes, sha256, data, uploaded_by, uploaded_at) VALUES (:"
                + String.join(", :", columns) + ", :filename, :type, :size, :sha, :data, :by, :at)")
                .params(owner.key()).param("filename", name).param("type", type).param("size", (long) data.length)
                .param("sha", sha).param("data", data).param("by", by).param("at", now)
                .update(keys, "id");
        return new Attachment(keys.getKey().longValue(), name, type, data.length, sha, by, now);
    }

    /** The owner's files, oldest first. */
    public List<Attachment> list(Owner owner) {
        return jdbc.sql("SELECT id, filename, content_type, size_bytes, sha256, uploaded_by, uploaded_at FROM "
                + owner.table() + " WHERE " + owner.where() + " ORDER BY id").params(owner.key())
                .query((rs, n) -> new Attachment(rs.getLong("id"), rs.getString("filename"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                        rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class)))
                .list();
    }

    /**
     * One of the owner's files as a download: never shown inline, so a file cannot run as a page of
     * the site. Another owner's file is a 404, as an unknown one.
     */
    public ResponseEntity<byte[]> download(Owner owner, long id) {
        return jdbc.sql("SELECT filename, content_type, data FROM " + owner.table() + " WHERE id = :attachment AND "
                + owner.where()).params(owner.key()).param("attachment", id)
                .query((rs, n) -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(rs.getString("content_type")))
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename(rs.getString("filename"), StandardCharsets.UTF_8).build().toString())
                        .header("X-Content-Type-Options", "nosniff")
                        .body(rs.getBytes("data")))
                .optional().orElseThrow(() -> Problems.notFound("attachment", id));
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
