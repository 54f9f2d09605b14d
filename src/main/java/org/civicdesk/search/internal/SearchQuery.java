package org.civicdesk.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * 检索式 — what a reader's words ask of the index, Chinese first.
 *
 * <p>Chinese is indexed as overlapping pairs of characters (CJK bigrams: 早餐会 is 早餐 and 餐会),
 * which finds a word inside a sentence whatever a dictionary would make of it. Measured on the demo
 * city, the smartcn word segmenter cut 早餐会 into 早餐 and 会 and so matched every meeting (会), and
 * cut names it does not know, such as 锦绣社区, into single characters; pairs do neither.
 *
 * <p>Each word the reader typed (words are separated by spaces) must be found, in the title or the
 * text: all its pairs for a word of up to five characters, so that a three-character name never
 * matches on one shared character, and three quarters of them for a longer one, so that a sentence
 * typed whole still finds what says nearly the same. A single character is looked up as the start or
 * end of a pair, since only pairs are indexed.
 *
 * <p>What is found is ranked in tiers that a reader can predict, each word adding its own: the word
 * as typed (a phrase) in the title, then in the text, then its pairs found apart; a page that gathers
 * others (a series' page) above all when its title holds the word. Within a tier the newest comes
 * first (the index sorts so), rather than whatever text-length statistics would favour: measured on the
 * demo city, scoring by term statistics put the breakfast series' meetings in the order 2, 4, 3, 6, 5,
 * 1, 7 under a title that said the same in each. Only a long word, whose pairs may be found in part,
 * is ordered within its tier by how much of it is found.
 */
final class SearchQuery {

    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String KIND = "kind";

    private static final float TITLE_PHRASE = 10;
    private static final float TEXT_PHRASE = 3;
    private static final float PAIRS = 1;
    /**
     * What a page that gathers others (a series' meetings, a fair's deals) gains when its title holds
     * the word: a reader who types a series' name wants the series, then its meetings, whose titles
     * hold the name as well.
     */
    private static final float GATHERING_PAGE = 20;
    /** A long word's pairs order hits within a tier, never across one: far below a tier's step. */
    private static final float PARTIAL_PAIRS = 0.01f;
    /** Up to this many pairs (a five-character word), every pair must be found. */
    private static final int ALL_PAIRS_UP_TO = 4;

    private SearchQuery() {
    }

    /** Pairs of Chinese characters, single Latin words and numbers, lower-cased; no stop words. */
    static Analyzer analyzer() {
        return new CJKAnalyzer(CharArraySet.EMPTY_SET);
    }

    /**
     * @param gathering the kinds of pages that gather others ({@link org.civicdesk.shared.PublicContent#gathersOthers()})
     * @return null when the words hold nothing to search for (only punctuation, say)
     */
    static Query parse(Analyzer analyzer, String words, Collection<String> gathering) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean any = false;
        for (String word : words.trim().split("\\s+")) {
            List<List<String>> positions = tokens(analyzer, word);
            if (positions.isEmpty()) {
                continue;
            }
            all.add(word(word, positions, gathering), Occur.MUST);
            any = true;
        }
        return any ? all.build() : null;
    }

    /**
     * What a snippet marks: each word as typed, not its pairs found apart, so that 早餐会 marks 早餐会
     * and not every 早餐.
     */
    static Query highlighted(Analyzer analyzer, String words) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String word : words.trim().split("\\s+")) {
            List<List<String>> positions = tokens(analyzer, word);
            if (!positions.isEmpty()) {
                any.add(phrase(TEXT, positions), Occur.SHOULD);
            }
        }
        return any.build();
    }

    private static Query word(String word, List<List<String>> positions, Collection<String> gathering) {
        List<String> terms = positions.stream().flatMap(List::stream).toList();
        if (terms.size() == 1 && word.codePointCount(0, word.length()) == 1 && isHan(word)) {
            return singleCharacter(terms.get(0));
        }
        Query found = new BooleanQuery.Builder().add(pairs(TITLE, terms), Occur.SHOULD)
                .add(pairs(TEXT, terms), Occur.SHOULD).build();
        BooleanQuery.Builder scored = new BooleanQuery.Builder().add(constant(found, PAIRS), Occur.MUST);
        if (terms.size() > ALL_PAIRS_UP_TO) {
            scored.add(new BoostQuery(found, PARTIAL_PAIRS), Occur.SHOULD);
        }
        Query inTitle = phrase(TITLE, positions);
        scored.add(constant(inTitle, TITLE_PHRASE), Occur.SHOULD);
        scored.add(constant(phrase(TEXT, positions), TEXT_PHRASE), Occur.SHOULD);
        if (!gathering.isEmpty()) {
            BooleanQuery.Builder kinds = new BooleanQuery.Builder();
            gathering.forEach(k -> kinds.add(new TermQuery(new Term(KIND, k)), Occur.SHOULD));
            Query gatheringPage = new BooleanQuery.Builder().add(inTitle, Occur.MUST).add(kinds.build(), Occur.FILTER)
                    .build();
            scored.add(constant(gatheringPage, GATHERING_PAGE), Occur.SHOULD);
        }
        return scored.build();
    }

    private static Query singleCharacter(String c) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String field : List.of(TITLE, TEXT)) {
            float score = field.equals(TITLE) ? TITLE_PHRASE : TEXT_PHRASE;
            any.add(constant(new PrefixQuery(new Term(field, c)), score), Occur.SHOULD);
            any.add(constant(new WildcardQuery(new Term(field, "?" + c)), score), Occur.SHOULD);
        }
        return any.build();
    }

    private static Query constant(Query query, float score) {
        return new BoostQuery(new ConstantScoreQuery(query), score);
    }

    private static Query pairs(String field, List<String> terms) {
        BooleanQuery.Builder pairs = new BooleanQuery.Builder();
        for (String term : terms) {
            pairs.add(new TermQuery(new Term(field, term)), Occur.SHOULD);
        }
        int n = terms.size();
        return pairs.setMinimumNumberShouldMatch(n <= ALL_PAIRS_UP_TO ? n : (int) Math.ceil(n * 0.75)).build();
    }

    private static Query phrase(String field, List<List<String>> positions) {
        if (positions.size() == 1 && positions.get(0).size() == 1) {
            return new TermQuery(new Term(field, positions.get(0).get(0)));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (int p = 0; p < positions.size(); p++) {
            for (String term : positions.get(p)) {
                phrase.add(new Term(field, term), p);
            }
        }
        return phrase.build();
    }

    /** The terms at each position. */
    private static List<List<String>> tokens(Analyzer analyzer, String word) {
        List<List<String>> positions = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(TEXT, word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (increment.getPositionIncrement() > 0 || positions.isEmpty()) {
                    positions.add(new ArrayList<>());
                }
                positions.get(positions.size() - 1).add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return positions;
    }

    private static boolean isHan(String s) {
        return Character.UnicodeScript.of(s.codePointAt(0)) == Character.UnicodeScript.HAN;
    }
}
