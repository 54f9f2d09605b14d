package org.civicdesk.shared.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

import tools.jackson.databind.json.JsonMapper;

/**
 * What a page puts on a map (the fragment {@code fragments/map.html}): its points and the legend that
 * explains their symbols. A point's category (e.g. a place's kind, an appeal's category) picks its
 * colour and letter, its tier (e.g. a place's level) its size; the legend counts the points of each,
 * in the order the page gives.
 *
 * @param points in WGS-84; the map moves them into the tiles' system when that differs
 */
public record MapData(List<Point> points, List<Entry> categories, List<Entry> tiers) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * A point of the map.
     *
     * @param name what its marker is called, shown as text
     * @param href the page it links to, or {@code null}
     * @param category one of the legend's categories
     * @param tier one of the legend's tiers, or {@code null} when the page has none
     */
    public record Point(BigDecimal lat, BigDecimal lon, String name, String href, String category, String tier) {
    }

    /**
     * A line of the legend.
     *
     * @param code the category or tier as the points give it, and the end of its message key
     * @param symbol which of the map's symbols it has, counted from 0 in the order given
     * @param count how many points have it
     */
    public record Entry(String code, int symbol, long count) {
    }

    /**
     * The points with a legend of the categories and tiers given, in that order; a category or tier
     * that no point has is left out of the legend but keeps its symbol, so a filtered map draws each
     * kind as the unfiltered one does.
     */
    public static <T> MapData of(List<T> items, Function<T, Point> point, List<String> categories,
            List<String> tiers) {
        List<Point> points = items.stream().map(point).toList();
        return new MapData(points, legend(points, categories, Point::category),
                legend(points, tiers, Point::tier));
    }

    private static List<Entry> legend(List<Point> points, List<String> codes, Function<Point, String> of) {
        Map<String, Long> counts = new LinkedHashMap<>();
        points.forEach(p -> counts.merge(String.valueOf(of.apply(p)), 1L, Long::sum));
        return IntStream.range(0, codes.size())
                .filter(i -> counts.containsKey(codes.get(i)))
                .mapToObj(i -> new Entry(codes.get(i), i, counts.get(codes.get(i)))).toList();
    }

    /**
     * What the map's script reads: the points and each code's symbol. The fragment puts it in an
     * attribute, whose escaping keeps a name that is markup a name.
     */
    public String json() {
        Map<String, Object> symbols = new LinkedHashMap<>();
        symbols.put("categories", symbols(categories));
        symbols.put("tiers", symbols(tiers));
        symbols.put("points", points);
        return JSON.writeValueAsString(symbols);
    }

    private static Map<String, Integer> symbols(List<Entry> entries) {
        Map<String, Integer> symbols = new LinkedHashMap<>();
        entries.forEach(e -> symbols.put(e.code(), e.symbol()));
        return symbols;
    }
}
