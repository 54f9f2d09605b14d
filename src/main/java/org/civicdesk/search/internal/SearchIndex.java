package org.civicdesk.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.civicdesk.shared.Checks;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.annotation.PreDestroy;

/**
 * 全文检索 — this node's index of the public documents, with Lucene's smartcn analyzer.
 *
 * <p>Civic Desk runs as several stateless nodes, so no node owns the index: each keeps its own in
 * memory and follows {@link SearchDocuments}. It loads every row at its first read, and before each
 * search reads the rows written since its last read, less an {@link #OVERLAP overlap}: a row's time
 * is when its transaction began, so a transaction that committed a moment after a later one is
 * still read. Rows read twice are skipped by their revision, so reading again costs one indexed
 * query and nothing else. A document changed on another node is thus found by the next search here,
 * as soon as the search's listener there has committed it. What the index holds besides Lucene's
 * documents is one revision per document: as bounded as the documents themselves.
 */
@Component
class SearchIndex {

    static final int MAX_HITS = 20;
    /** Far longer than the one-row transaction that writes a document takes. */
    static final Duration OVERLAP = Duration.ofSeconds(10);
    private static final int SNIPPET_CHARS = 120;

    /**
     * What a hit shows; the snippet is HTML-escaped text with the matched words in {@code <mark>}.
     * The day is shown on the page; the API's hits have the four fields of the contract.
     */
    record Hit(String kind, String title, String url, String snippet, @JsonIgnore LocalDate date) {
    }

    private static final String DAY = "day";
    /**
     * Of equally good hits, the newest first; those of no day (a place, a campaign), which stay
     * current, before them.
     */
    private static final Sort BY_SCORE_THEN_NEWEST = new Sort(SortField.FIELD_SCORE, newestFirst());

    private static SortField newestFirst() {
        SortField day = new SortField(DAY, SortField.Type.LONG, true);
        day.setMissingValue(Long.MAX_VALUE);
        return day;
    }

    private final SearchDocuments documents;
    private final PublicContents contents;
    private final Analyzer analyzer = SearchQuery.analyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** The revision of each document this index holds or has dropped; guarded by {@code this}. */
    private final Map<String, Long> revisions = new HashMap<>();
    private final ReentrantLock reading = new ReentrantLock();
    /** Guarded by {@link #reading}: when the last read of the rows began, and the latest row it saw. */
    private long lastReadAt = System.nanoTime();
    private OffsetDateTime latestSeen;
    private boolean loaded;
    /**
     * Whether documents changed since searches last opened the index: the reader is reopened once, when
     * the next search comes, rather than after each change, which under a burst of answers would write
     * and merge a segment per answer.
     */
    private final AtomicBoolean stale = new AtomicBoolean();

    SearchIndex(SearchDocuments documents, PublicContents contents) {
        this.documents = documents;
        this.contents = contents;
        try {
            this.writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer));
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Set<String> kinds() {
        return contents.kinds();
    }

    List<Hit> search(String q, String kind) {
        return search(q, kind, null, null);
    }

    /**
     * @param from the first day of the documents wanted, if any; documents of no day are then left out
     * @param to the last day, if any
     */
    List<Hit> search(String q, String kind, LocalDate from, LocalDate to) {
        Checks checks = new Checks();
        checks.required("q", q).maxLength("q", q, 200);
        String wanted = kind == null || kind.isBlank() ? null : kind.trim().toUpperCase(Locale.ROOT);
        checks.check(wanted == null || kinds().contains(wanted), "kind", "search.validation.kind",
                String.join(", ", kinds()));
        checks.check(from == null || to == null || !to.isBefore(from), "to", "search.validation.to");
        checks.throwIfAny();
        catchUp();
        Query text = SearchQuery.parse(analyzer, q, contents.gathering());
        if (text == null) {
            return List.of();
        }
        Query highlighted = SearchQuery.highlighted(analyzer, q);
        try {
            if (stale.getAndSet(false)) {
                searchers.maybeRefreshBlocking();
            }
            BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, Occur.MUST);
            if (wanted != null) {
                query.add(new TermQuery(new Term(SearchQuery.KIND, wanted)), Occur.FILTER);
            }
            if (from != null || to != null) {
                query.add(LongPoint.newRangeQuery(DAY, from == null ? Long.MIN_VALUE : from.toEpochDay(),
                        to == null ? Long.MAX_VALUE : to.toEpochDay()), Occur.FILTER);
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                List<Hit> hits = new ArrayList<>();
                for (ScoreDoc sd : searcher.search(query.build(), MAX_HITS, BY_SCORE_THEN_NEWEST).scoreDocs) {
                    Document doc = searcher.storedFields().document(sd.doc);
                    String day = doc.get(DAY);
                    hits.add(new Hit(doc.get(SearchQuery.KIND), doc.get(SearchQuery.TITLE), doc.get("url"), snippet(highlighted, doc),
                            day == null ? null : LocalDate.ofEpochDay(Long.parseLong(day))));
                }
                return hits;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the rows written since the last read (all of them the first time) and applies them. A
     * search that waited while another thread read them uses that read if it began after the search
     * did, so concurrent searches share one query and still see every change committed before they
     * began.
     */
    void catchUp() {
        long asked = System.nanoTime();
        reading.lock();
        try {
            if (loaded && lastReadAt - asked > 0) {
                return;
            }
            lastReadAt = System.nanoTime();
            List<StoredDocument> changed = documents.changedSince(latestSeen == null ? null : latestSeen.minus(OVERLAP));
            apply(changed);
            for (StoredDocument row : changed) {
                if (latestSeen == null || row.changedAt().isAfter(latestSeen)) {
                    latestSeen = row.changedAt();
                }
            }
            loaded = true;
        } finally {
            reading.unlock();
        }
    }

    void apply(StoredDocument row) {
        apply(List.of(row));
    }

    /** Applies each row unless this index holds the same or a later revision of its document. */
    synchronized void apply(Collection<StoredDocument> rows) {
        boolean changed = false;
        try {
            for (StoredDocument row : rows) {
                Long held = revisions.get(row.id());
                if (held != null && held >= row.revision()) {
                    continue;
                }
                Term id = new Term("id", row.id());
                if (row.withdrawn()) {
                    writer.deleteDocuments(id);
                } else {
                    writer.updateDocument(id, document(row));
                }
                revisions.put(row.id(), row.revision());
                changed = true;
            }
            if (changed) {
                stale.set(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document document(StoredDocument row) {
        Document doc = new Document();
        doc.add(new StringField("id", row.id(), Field.Store.NO));
        doc.add(new StringField(SearchQuery.KIND, row.kind(), Field.Store.YES));
        doc.add(new StoredField("url", row.url()));
        doc.add(new TextField(SearchQuery.TITLE, row.title(), Field.Store.YES));
        doc.add(new TextField(SearchQuery.TEXT, row.body(), Field.Store.YES));
        if (row.date() != null) {
            long day = row.date().toEpochDay();
            doc.add(new LongPoint(DAY, day));
            doc.add(new NumericDocValuesField(DAY, day));
            doc.add(new StoredField(DAY, day));
        }
        return doc;
    }

    private String snippet(Query query, Document doc) throws IOException {
        String text = doc.get(SearchQuery.TEXT);
        QueryScorer scorer = new QueryScorer(query, SearchQuery.TEXT);
        Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(),
                scorer);
        highlighter.setTextFragmenter(new SimpleSpanFragmenter(scorer, SNIPPET_CHARS));
        try {
            String best = highlighter.getBestFragment(analyzer, SearchQuery.TEXT, text);
            if (best != null) {
                return best;
            }
        } catch (InvalidTokenOffsetsException e) {
            throw new IllegalStateException(e);
        }
        String start = text.length() > SNIPPET_CHARS ? text.substring(0, SNIPPET_CHARS) + "…" : text;
        return SimpleHTMLEncoder.htmlEncode(start);
    }

    @PreDestroy
    void close() throws IOException {
        searchers.close();
        writer.close();
    }
}
