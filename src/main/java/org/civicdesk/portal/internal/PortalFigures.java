package org.civicdesk.portal.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.civicdesk.shared.web.PublicFigures;
import org.civicdesk.shared.web.PublicFigures.Feed;
import org.civicdesk.shared.web.PublicFigures.Figure;
import org.civicdesk.shared.web.PublicFigures.Point;
import org.civicdesk.shared.web.PublicFigures.Table;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/**
 * Everything the modules show the public, gathered in order. The figures and tables are read together
 * and kept per language for {@link PortalSettings#figuresRefresh()}: after that the next reader still
 * gets them while they are read again in the background, so no view waits for the grouped reads but
 * the very first. The latest items and the places are read on every view.
 */
@Component
@EnableConfigurationProperties(PortalSettings.class)
class PortalFigures {

    /** The figures and tables in one language, and when they were read. */
    record Snapshot(List<Figure> headlines, List<Figure> records, List<Table> tables, Instant readAt) {

        Optional<Table> table(String id) {
            return tables.stream().filter(t -> t.id().equals(id)).findFirst();
        }
    }

    private static final Comparator<Figure> FIGURE_ORDER = Comparator.comparingInt(Figure::order)
            .thenComparing(Figure::id);
    /** Languages are few; anything a browser asks for beyond them falls back to one of them. */
    private static final int LANGUAGES = 8;

    private final List<PublicFigures> sources;
    private final Clock clock;
    private final LoadingCache<Locale, Snapshot> kept;

    PortalFigures(List<PublicFigures> sources, Clock clock, PortalSettings settings) {
        this.sources = sources;
        this.clock = clock;
        this.kept = settings.figuresRefresh().isZero() ? null
                : Caffeine.newBuilder().maximumSize(LANGUAGES).refreshAfterWrite(settings.figuresRefresh())
                        .build(this::read);
    }

    Snapshot snapshot(Locale locale) {
        return kept == null ? read(locale) : kept.get(locale);
    }

    List<Feed> feeds(Locale locale) {
        List<Feed> feeds = new ArrayList<>();
        sources.forEach(s -> feeds.addAll(s.feeds(locale)));
        feeds.sort(Comparator.comparingInt(Feed::order).thenComparing(Feed::id));
        return feeds;
    }

    List<Point> points() {
        List<Point> points = new ArrayList<>();
        sources.forEach(s -> points.addAll(s.points()));
        return points;
    }

    private Snapshot read(Locale locale) {
        Instant readAt = clock.instant();
        List<Table> tables = gather(s -> s.tables(locale));
        tables.sort(Comparator.comparingInt(Table::order).thenComparing(Table::id));
        Set<String> ids = new HashSet<>();
        tables.forEach(t -> {
            if (!ids.add(t.id())) {
                throw new IllegalStateException("Two dashboard tables are called " + t.id());
            }
        });
        List<Figure> headlines = gather(s -> s.headlines(locale));
        headlines.sort(FIGURE_ORDER);
        List<Figure> records = gather(s -> s.records(locale));
        records.sort(FIGURE_ORDER);
        return new Snapshot(List.copyOf(headlines), List.copyOf(records), List.copyOf(tables), readAt);
    }

    private <T> List<T> gather(Function<PublicFigures, List<T>> part) {
        List<T> all = new ArrayList<>();
        sources.forEach(s -> all.addAll(part.apply(s)));
        return all;
    }
}
