package org.civicdesk.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Checks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.annotation.PreDestroy;

/**
 * 全文检索 — this node's index of the public documents, Chinese in pairs of characters ({@link SearchQuery}).
 *
 * <p>Civic Desk runs as several stateless nodes, so no node owns the index: each keeps its own in
 * memory and follows {@link SearchDocuments}. It loads every row at its first read, and then, before a
 * search, reads the rows written since its last read began, less an {@link #OVERLAP overlap}: a row's
 * time is when its transaction began, so a transaction that committed a moment after that read is
 * still read. Rows read twice are skipped by their revision. The searches of a {@link #STALENESS
 * tenth of a second} share one read, so that under load most searches run no SQL, and a document
 * changed on another node is found here within that time of the search's listener there committing
 * it; a change made on this node is in this node's index as soon as its listener has run. What the
 * index holds besides Lucene's documents is one revision per document: as bounded as the documents
 * themselves.
 */
@Component
class SearchIndex {

    static final int MAX_HITS = 20;
    /** Far longer than the transaction that writes a document (or a batch of them, {@link SearchRebuild}) takes. */
    static final Duration OVERLAP = Duration.ofSeconds(10);
    /** How old a read of the rows a search may rely on; see {@link #catchUpUnlessRecent()}. */
    static final Duration STALENESS = Duration.ofMillis(100);
    private static final int SNIPPET_CHARS = 120;
    /**
     * The text, with each term's place in it kept in the index, so that a snippet is cut from what the
     * search already found rather than by analysing each hit's whole text again.
     */
    private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

    private static FieldType textWithOffsets() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    /**
     * What a hit shows; the snippet is HTML-escaped text with the matched words in {@code <mark>}.
     * The day is shown on the page; the API's hits have the four fields of the contract.
     */
    record Hit(String kind, String title, String url, String snippet, @JsonIgnore LocalDate date) {
    }

    private static final String DAY = "day";
    /** What a hit reads of its document besides the snippet, which the highlighter reads itself. */
    private static final Set<String> STORED_FOR_HIT = Set.of(SearchQuery.KIND, SearchQuery.TITLE, "url", DAY);
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
    /**
     * When the last read of the rows began, by this node's clock and by the database's; written under
     * {@link #reading}.
     */
    private volatile long lastReadAt = System.nanoTime();
    private OffsetDateTime lastReadFrom;
    private volatile boolean loaded;
    /**
     * Whether documents changed since searches last opened the index: the reader is reopened once, when
     * the next search comes, rather than after each change, which under a burst of answers would write
     * and merge a segment per answer.
     */
    private final AtomicBoolean stale = new AtomicBoolean();

    private final long stalenessNanos;

    @Autowired
    SearchIndex(SearchDocuments documents, PublicContents contents) {
        this(documents, contents, STALENESS);
    }

    /** An index whose shared reads may be {@code staleness} old, so that a test can tell the two rules apart. */
    SearchIndex(SearchDocuments documents, PublicContents contents, Duration staleness) {
        this.stalenessNanos = staleness.toNanos();
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
        catchUpUnlessRecent();
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
                TopDocs top = searcher.search(query.build(), MAX_HITS, BY_SCORE_THEN_NEWEST);
                String[] snippets = snippets(searcher, highlighted, top);
                List<Hit> hits = new ArrayList<>();
                for (int i = 0; i < top.scoreDocs.length; i++) {
                    Document doc = searcher.storedFields().document(top.scoreDocs[i].doc, STORED_FOR_HIT);
                    String day = doc.get(DAY);
                    hits.add(new Hit(doc.get(SearchQuery.KIND), doc.get(SearchQuery.TITLE), doc.get("url"),
                            Objects.requireNonNullElse(snippets[i], ""),
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
     * Reads the rows unless a read began within {@link #STALENESS}: what changed on another node is then
     * found here that much later at most, and under load the rows are read a few times a second rather
     * than once per search. Someone signed in may have just published or answered something through
     * another node, and must find their own change once the search's listener has written it: their
     * searches always read. The public's
     * searches, the bulk of them, share the reads.
     */
    private void catchUpUnlessRecent() {
        if (!loaded || Actor.current().isPresent() || System.nanoTime() - lastReadAt > stalenessNanos) {
            catchUp();
        }
    }

    /**
     * Reads the rows written since the last read (all of them the first time) and applies them. A
     * caller that waited while another thread read them uses that read if it began after the caller
     * did, so concurrent callers share one query and still see every change committed before they
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
            OffsetDateTime readAt = documents.now();
            apply(documents.changedSince(lastReadFrom == null ? null : lastReadFrom.minus(OVERLAP)));
            lastReadFrom = readAt;
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
        doc.add(new Field(SearchQuery.TEXT, row.body(), TEXT_WITH_OFFSETS));
        if (row.date() != null) {
            long day = row.date().toEpochDay();
            doc.add(new LongPoint(DAY, day));
            doc.add(new NumericDocValuesField(DAY, day));
            doc.add(new StoredField(DAY, day));
        }
        return doc;
    }

    /**
     * Each hit's snippet: about {@value #SNIPPET_CHARS} characters of its text around the words as
     * typed, HTML-escaped, with each whole word in {@code <mark>} (a phrase's matches, not its pairs);
     * the text's start when the words are only in the title.
     */
    private String[] snippets(IndexSearcher searcher, Query highlighted, TopDocs top) throws IOException {
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer).withWeightMatches(true)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(BreakIterator.getCharacterInstance(),
                        SNIPPET_CHARS, 0.5f))
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", true)).withMaxNoHighlightPassages(1)
                .build();
        return highlighter.highlight(SearchQuery.TEXT, highlighted, top, 1);
    }

    @PreDestroy
    void close() throws IOException {
        searchers.close();
        writer.close();
    }
}
