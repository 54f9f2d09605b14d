package org.civicdesk.search.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.civicdesk.shared.PublicContent;
import org.civicdesk.shared.PublicDocument;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The search's own copy of every public document ({@code search_document}), which every node's
 * index follows.
 *
 * <p>A document is brought in line with its module one at a time, in a short transaction that locks
 * its row first and only then asks the module for the document. Of two nodes refreshing the same
 * document at once, the second therefore reads the module after the first committed, and the row
 * ends as the module is, whatever order events arrive in and however often one is delivered.
 */
@Component
class SearchDocuments {

    private static final String SELECT = "SELECT kind, doc_key, title, body, url, doc_date, withdrawn, revision, changed_at "
            + "FROM search_document";

    /** Rows inserted in one statement batch and transaction by {@link #insertMissing}. */
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final PublicContents contents;
    private final TransactionTemplate tx;

    SearchDocuments(JdbcClient jdbc, JdbcTemplate batches, PublicContents contents, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.contents = contents;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Brings the row of one document in line with what its module publishes now, in a transaction
     * of its own that has committed when this returns.
     *
     * @return the row as it is then; empty if the module never published the document
     */
    Optional<StoredDocument> refresh(String kind, String key) {
        Optional<PublicContent> source = contents.of(kind);
        return tx.execute(status -> {
            Optional<StoredDocument> row = lock(kind, key);
            Optional<PublicDocument> now = source.flatMap(s -> s.document(key));
            if (row.isEmpty()) {
                if (now.isEmpty()) {
                    return Optional.empty();
                }
                if (insert(kind, key, now.get()) > 0) {
                    return find(kind, key);
                }
                // Another node inserted it a moment ago: wait for its lock, then read the module again,
                // which may have changed since that node read it.
                row = lock(kind, key);
                now = source.flatMap(s -> s.document(key));
            }
            StoredDocument stored = row.orElseThrow(
                    () -> new IllegalStateException("The search document " + StoredDocument.id(kind, key) + " vanished"));
            if (stored.matches(now)) {
                return row;
            }
            now.ifPresentOrElse(d -> update(kind, key, d), () -> withdraw(kind, key));
            return find(kind, key);
        });
    }

    /**
     * Writes the rows of documents that had none when their module was read, in batches: what a bulk
     * import leaves (thousands of answers written past the app) is brought in quickly. Safe beside
     * {@link #refresh}: a row that an event wrote meanwhile read the module later than these documents
     * were read, so it stays as it is (ON CONFLICT DO NOTHING), and an event after this one rewrites it.
     */
    void insertMissing(String kind, List<PublicDocument> missing) {
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<Object[]> rows = new ArrayList<>();
            for (PublicDocument d : missing.subList(from, Math.min(from + BATCH, missing.size()))) {
                rows.add(new Object[] { kind, d.key(), d.title(), StoredDocument.body(d), d.url(), d.date() });
            }
            tx.executeWithoutResult(status -> batches.batchUpdate("""
                    INSERT INTO search_document (kind, doc_key, title, body, url, doc_date, withdrawn, revision, changed_at)
                    VALUES (?, ?, ?, ?, ?, ?, FALSE, nextval('search_document_revision'), CURRENT_TIMESTAMP)
                    ON CONFLICT DO NOTHING""", rows));
        }
    }

    /** Every row of a kind, withdrawn ones included, by key. */
    Map<String, StoredDocument> ofKind(String kind) {
        return jdbc.sql(SELECT + " WHERE kind = :kind").param("kind", kind).query(SearchDocuments::row).list()
                .stream().collect(Collectors.toMap(StoredDocument::key, Function.identity()));
    }

    List<String> kinds() {
        return jdbc.sql("SELECT DISTINCT kind FROM search_document").query(String.class).list();
    }

    /** The database's time, by which rows are stamped. */
    OffsetDateTime now() {
        return jdbc.sql("SELECT CURRENT_TIMESTAMP").query(OffsetDateTime.class).single();
    }

    /** The rows written at or after {@code since}, in the order they were written; every row if it is null. */
    List<StoredDocument> changedSince(OffsetDateTime since) {
        if (since == null) {
            return jdbc.sql(SELECT + " ORDER BY changed_at").query(SearchDocuments::row).list();
        }
        return jdbc.sql(SELECT + " WHERE changed_at >= :since ORDER BY changed_at").param("since", since)
                .query(SearchDocuments::row).list();
    }

    private Optional<StoredDocument> lock(String kind, String key) {
        return jdbc.sql(SELECT + " WHERE kind = :kind AND doc_key = :key FOR UPDATE").param("kind", kind)
                .param("key", key).query(SearchDocuments::row).optional();
    }

    private Optional<StoredDocument> find(String kind, String key) {
        return jdbc.sql(SELECT + " WHERE kind = :kind AND doc_key = :key").param("kind", kind).param("key", key)
                .query(SearchDocuments::row).optional();
    }

    private int insert(String kind, String key, PublicDocument d) {
        return jdbc.sql("""
                INSERT INTO search_document (kind, doc_key, title, body, url, doc_date, withdrawn, revision, changed_at)
                VALUES (:kind, :key, :title, :body, :url, :date, FALSE, nextval('search_document_revision'), CURRENT_TIMESTAMP)
                ON CONFLICT DO NOTHING""").param("kind", kind).param("key", key).param("title", d.title())
                .param("body", StoredDocument.body(d)).param("url", d.url()).param("date", d.date()).update();
    }

    private void update(String kind, String key, PublicDocument d) {
        jdbc.sql("""
                UPDATE search_document SET title = :title, body = :body, url = :url, doc_date = :date, withdrawn = FALSE,
                       revision = nextval('search_document_revision'), changed_at = CURRENT_TIMESTAMP
                WHERE kind = :kind AND doc_key = :key""").param("title", d.title()).param("body", StoredDocument.body(d))
                .param("url", d.url()).param("date", d.date()).param("kind", kind).param("key", key).update();
    }

    /** Keeps the row, emptied, so that every node learns to drop the document; nothing withdrawn stays readable here. */
    private void withdraw(String kind, String key) {
        jdbc.sql("""
                UPDATE search_document SET title = '', body = '', url = '', doc_date = NULL, withdrawn = TRUE,
                       revision = nextval('search_document_revision'), changed_at = CURRENT_TIMESTAMP
                WHERE kind = :kind AND doc_key = :key""").param("kind", kind).param("key", key).update();
    }

    private static StoredDocument row(ResultSet rs, int n) throws SQLException {
        return new StoredDocument(rs.getString("kind"), rs.getString("doc_key"), rs.getString("title"),
                rs.getString("body"), rs.getString("url"), rs.getObject("doc_date", LocalDate.class), rs.getBoolean("withdrawn"), rs.getLong("revision"),
                rs.getObject("changed_at", OffsetDateTime.class));
    }
}
