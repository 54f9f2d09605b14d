package org.civicdesk.notices.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.civicdesk.notices.SearchDocument;
import org.civicdesk.notices.Searchable;
import org.civicdesk.shared.Checks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 全文检索 — the public search over every {@link Searchable}, with Lucene's smartcn analyzer so
 * that a Chinese word such as 水痘 is found inside a sentence.
 *
 * <p>Civic Desk runs as several stateless nodes, so no node owns the index: each keeps its own
 * in-memory index, built from the database, and before answering it reads the content's stamp —
 * the {@code search_revision} row that notices and calls bump in the transaction of every change,
 * plus the cheap stamps of sources whose modules do not bump it (meetings, answers). When the stamp
 * differs from the one its index was built at, the node rebuilds the index before it answers. A
 * change committed a moment ago on any node is therefore seen by the next search on every node,
 * at the cost of one small read per search and a rebuild after each change, which a city's volume
 * of public content (thousands of documents) keeps well under a second. The stamp is read before
 * the documents, so a change that commits during a rebuild makes the next search rebuild again
 * rather than be missed.
 */
@Component
class SearchIndex {

    static final int MAX_HITS = 20;
    private static final int SNIPPET_CHARS = 120;

    /** What a hit shows; the snippet is HTML-escaped text with the matched words in {@code <mark>}. */
    record Hit(String kind, String title, String url, String snippet) {
    }

    private record Built(String stamp, DirectoryReader reader) {
    }

    private final List<Searchable> sources;
    private final JdbcClient jdbc;
    private final Analyzer analyzer = new SmartChineseAnalyzer();
    private volatile Built built;

    SearchIndex(List<Searchable> sources, JdbcClient jdbc) {
        this.sources = List.copyOf(sources);
        this.jdbc = jdbc;
    }

    Set<String> kinds() {
        Set<String> kinds = new TreeSet<>();
        sources.forEach(s -> kinds.add(s.kind()));
        return kinds;
    }

    List<Hit> search(String q, String kind) {
        Checks checks = new Checks();
        checks.required("q", q).maxLength("q", q, 200);
        String wanted = kind == null || kind.isBlank() ? null : kind.trim().toUpperCase(Locale.ROOT);
        checks.check(wanted == null || kinds().contains(wanted), "kind", "search.validation.kind",
                String.join(", ", kinds()));
        checks.throwIfAny();
        Built current = current();
        try {
            Query text = new MultiFieldQueryParser(new String[] { "title", "text" }, analyzer)
                    .parse(QueryParser.escape(q.trim()));
            BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, Occur.MUST);
            if (wanted != null) {
                query.add(new TermQuery(new Term("kind", wanted)), Occur.FILTER);
            }
            IndexSearcher searcher = new IndexSearcher(current.reader());
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(query.build(), MAX_HITS).scoreDocs) {
                Document doc = searcher.storedFields().document(sd.doc);
                hits.add(new Hit(doc.get("kind"), doc.get("title"), doc.get("url"), snippet(text, doc)));
            }
            return hits;
        } catch (ParseException nothingToSearchFor) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String snippet(Query query, Document doc) throws IOException {
        String text = doc.get("text");
        QueryScorer scorer = new QueryScorer(query, "text");
        Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(),
                scorer);
        highlighter.setTextFragmenter(new SimpleSpanFragmenter(scorer, SNIPPET_CHARS));
        try {
            String best = highlighter.getBestFragment(analyzer, "text", text);
            if (best != null) {
                return best;
            }
        } catch (InvalidTokenOffsetsException e) {
            throw new IllegalStateException(e);
        }
        String start = text.length() > SNIPPET_CHARS ? text.substring(0, SNIPPET_CHARS) + "…" : text;
        return SimpleHTMLEncoder.htmlEncode(start);
    }

    private Built current() {
        String stamp = stamp();
        Built now = built;
        if (now != null && now.stamp().equals(stamp)) {
            return now;
        }
        synchronized (this) {
            now = built;
            if (now == null || !now.stamp().equals(stamp)) {
                // The old reader is dropped, not closed: a search on another thread may still be
                // reading it, and an in-memory index holds no file or socket, only heap.
                now = build(stamp);
                built = now;
            }
            return now;
        }
    }

    private String stamp() {
        StringBuilder stamp = new StringBuilder(String.valueOf(
                jdbc.sql("SELECT revision FROM search_revision WHERE id = 1").query(Long.class).single()));
        sources.forEach(s -> stamp.append('|').append(s.stamp()));
        return stamp.toString();
    }

    private Built build(String stamp) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (Searchable source : sources) {
                for (SearchDocument d : source.documents()) {
                    Document doc = new Document();
                    doc.add(new StringField("kind", d.kind(), Field.Store.YES));
                    doc.add(new StoredField("url", d.url()));
                    doc.add(new TextField("title", d.title(), Field.Store.YES));
                    doc.add(new TextField("text", d.text() == null ? "" : d.text(), Field.Store.YES));
                    writer.addDocument(doc);
                }
            }
            writer.commit();
            return new Built(stamp, DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
