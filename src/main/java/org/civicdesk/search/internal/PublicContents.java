package org.civicdesk.search.internal;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.civicdesk.shared.PublicContent;
import org.springframework.stereotype.Component;

/** Every module's public content, by kind. */
@Component
class PublicContents {

    private final SortedMap<String, PublicContent> byKind;
    private final Set<String> gathering;

    PublicContents(List<PublicContent> sources) {
        SortedMap<String, PublicContent> kinds = new TreeMap<>();
        for (PublicContent source : sources) {
            PublicContent other = kinds.put(source.kind(), source);
            if (other != null) {
                throw new IllegalStateException("Two sources of public content of kind " + source.kind() + ": "
                        + other.getClass().getName() + " and " + source.getClass().getName());
            }
        }
        this.byKind = Collections.unmodifiableSortedMap(kinds);
        this.gathering = kinds.values().stream().filter(PublicContent::gathersOthers).map(PublicContent::kind)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** In alphabetical order, as the search page offers them. */
    Set<String> kinds() {
        return byKind.keySet();
    }

    /** The kinds of pages that gather others, such as a series' page. */
    Set<String> gathering() {
        return gathering;
    }

    Collection<PublicContent> all() {
        return byKind.values();
    }

    /** Empty for a kind that no module publishes (any more). */
    Optional<PublicContent> of(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }
}
