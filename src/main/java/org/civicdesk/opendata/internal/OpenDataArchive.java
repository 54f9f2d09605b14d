package org.civicdesk.opendata.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.civicdesk.shared.CitySettings;
import org.civicdesk.shared.OpenDataset;
import org.civicdesk.shared.OpenDataset.Column;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the open-data archive from every module's {@link OpenDataset} and keeps the newest in the
 * database: one CSV file per dataset (UTF-8 with a byte-order mark, so that spreadsheet programs read
 * Chinese right), {@code dictionary.csv} saying what each file and column means, and
 * {@code LICENCE.txt}. Files are written to a temporary file first, so a large archive never sits
 * whole in memory.
 */
@Service
@EnableConfigurationProperties(OpenDataSettings.class)
class OpenDataArchive {

    static final String FILE_NAME = "civicdesk-open-data.zip";
    private static final String BOM = "\uFEFF";

    private final List<OpenDataset> datasets;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final OpenDataSettings settings;
    private final Clock clock;
    private final ZoneId zone;

    OpenDataArchive(List<OpenDataset> datasets, JdbcClient jdbc, JdbcTemplate template, OpenDataSettings settings,
            Clock clock, CitySettings city) {
        this.datasets = datasets.stream().sorted(Comparator.comparing(OpenDataset::name)).toList();
        this.jdbc = jdbc;
        this.template = template;
        this.settings = settings;
        this.clock = clock;
        this.zone = city.timeZone();
    }

    /** A dataset of the newest archive and how many rows its file has. */
    record DatasetFile(String name, long rows, OpenDataset.Meaning meaning) {
    }

    /** The newest archive: when it was built, its size and checksum, and its files. */
    record Release(long id, OffsetDateTime createdAt, long size, String sha256, List<DatasetFile> files) {
    }

    List<OpenDataset> datasets() {
        return datasets;
    }

    OpenDataSettings settings() {
        return settings;
    }

    Optional<Release> latest() {
        return jdbc.sql("SELECT id, created_at, byte_size, sha256 FROM open_data_release ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> new Release(rs.getLong("id"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getLong("byte_size"), rs.getString("sha256"), List.of()))
                .optional().map(r -> new Release(r.id(), r.createdAt(), r.size(), r.sha256(), files(r.id())));
    }

    private List<DatasetFile> files(long releaseId) {
        return jdbc.sql("SELECT name, row_count FROM open_data_file WHERE release_id = :id ORDER BY sort_order")
                .param("id", releaseId)
                .query((rs, n) -> new DatasetFile(rs.getString("name"), rs.getLong("row_count"),
                        meaning(rs.getString("name"))))
                .list();
    }

    private OpenDataset.Meaning meaning(String name) {
        return datasets.stream().filter(d -> d.name().equals(name)).findFirst().map(OpenDataset::meaning)
                .orElse(new OpenDataset.Meaning(name, name));
    }

    /** Whether the newest archive is missing or older than the settings allow. */
    boolean due() {
        return latest().map(r -> r.createdAt().plus(settings.refreshEvery()).isBefore(OffsetDateTime.now(clock)))
                .orElse(true);
    }

    /** Builds the archive anew from the records as they are now and keeps it in place of the last one. */
    @Transactional
    Release refresh() {
        Path file = null;
        try {
            file = Files.createTempFile("civicdesk-open-data", ".zip");
            OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<DatasetFile> written = new ArrayList<>();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha);
                    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                for (OpenDataset dataset : datasets) {
                    written.add(new DatasetFile(dataset.name(), write(zip, dataset), dataset.meaning()));
                }
                dictionary(zip);
                licence(zip, now);
            }
            long size = Files.size(file);
            String checksum = HexFormat.of().formatHex(sha.digest());
            long id = store(file, now, size, checksum);
            for (int i = 0; i < written.size(); i++) {
                jdbc.sql("INSERT INTO open_data_file (release_id, name, row_count, sort_order) VALUES (:r, :n, :c, :o)")
                        .param("r", id).param("n", written.get(i).name()).param("c", written.get(i).rows())
                        .param("o", i).update();
            }
            jdbc.sql("DELETE FROM open_data_release WHERE id <> :id").param("id", id).update();
            return new Release(id, now, size, checksum, written);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not build the open-data archive", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    private long store(Path file, OffsetDateTime now, long size, String checksum) {
        return template.execute((ConnectionCallback<Long>) con -> {
            try (PreparedStatement insert = con.prepareStatement("INSERT INTO open_data_release (created_at, byte_size,"
                    + " sha256, archive) VALUES (?, ?, ?, ?)", new String[] { "id" });
                    InputStream in = Files.newInputStream(file)) {
                insert.setObject(1, now);
                insert.setLong(2, size);
                insert.setString(3, checksum);
                insert.setBinaryStream(4, in, Math.toIntExact(size));
                insert.executeUpdate();
                try (ResultSet key = insert.getGeneratedKeys()) {
                    key.next();
                    return key.getLong(1);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Copies the newest archive to the stream; false if none has been built yet. */
    boolean copyLatest(long releaseId, OutputStream to) {
        Boolean found = template.query("SELECT archive FROM open_data_release WHERE id = ?", rs -> {
            if (!rs.next()) {
                return false;
            }
            try (InputStream in = rs.getBinaryStream(1)) {
                in.transferTo(to);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return true;
        }, releaseId);
        return Boolean.TRUE.equals(found);
    }

    private long write(ZipOutputStream zip, OpenDataset dataset) throws IOException {
        zip.putNextEntry(new ZipEntry(dataset.name() + ".csv"));
        long[] rows = { 0 };
        CSVPrinter csv = printer(zip);
        csv.printRecord(dataset.columns().stream().map(Column::name).toList());
        dataset.rows(values -> {
            try {
                csv.printRecord(values.stream().map(this::cell).toList());
                rows[0]++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
        zip.closeEntry();
        return rows[0];
    }

    private void dictionary(ZipOutputStream zip) throws IOException {
        zip.putNextEntry(new ZipEntry("dictionary.csv"));
        CSVPrinter csv = printer(zip);
        csv.printRecord("file", "column", "meaning_zh", "meaning_en");
        for (OpenDataset dataset : datasets) {
            csv.printRecord(dataset.name() + ".csv", "", dataset.meaning().zh(), dataset.meaning().en());
            for (Column column : dataset.columns()) {
                csv.printRecord(dataset.name() + ".csv", column.name(), column.meaning().zh(), column.meaning().en());
            }
        }
        csv.flush();
        zip.closeEntry();
    }

    private void licence(ZipOutputStream zip, OffsetDateTime now) throws IOException {
        zip.putNextEntry(new ZipEntry("LICENCE.txt"));
        Writer text = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        String when = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now.atZoneSameInstant(zone));
        text.write("""
                %s 开放数据 / Open data
                生成时间 / Built: %s

                本数据以 %s 许可协议发布：可自由复制、分发和改编，包括用于商业目的，但须注明来源“%s”。
                Published under %s: you may copy, share and adapt it, commercially too, provided you credit "%s".
                %s

                dictionary.csv 说明每个文件及其各列的含义。文本中的电话、电子邮箱和身份证号已隐去；不含反映人、申请人
                和要求匿名的捐赠人的任何信息。
                dictionary.csv says what each file and column means. Telephone numbers, e-mail addresses and
                identity numbers are removed from all text; nothing identifies who raised a matter, who applied,
                or a donor who asked to stay anonymous.
                """.formatted(settings.publisher(), when, settings.licence(), settings.publisher(),
                settings.licence(), settings.publisher(), settings.licenceUrl()));
        text.flush();
        zip.closeEntry();
    }

    /** A printer that is flushed, never closed: closing it would close the archive. */
    private static CSVPrinter printer(ZipOutputStream zip) throws IOException {
        Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        writer.write(BOM);
        return new CSVPrinter(writer, CSVFormat.RFC4180);
    }

    private Object cell(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof OffsetDateTime instant) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZoneSameInstant(zone).toOffsetDateTime());
        }
        if (value instanceof TemporalAccessor temporal) {
            return temporal.toString();
        }
        return value;
    }
}
