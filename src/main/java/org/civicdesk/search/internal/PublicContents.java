package org.civicdesk.search.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.civicdesk.shared.PublicContent;
import org.springframework.stereotype.Component;

/** Every module's public content, by kind. */
@Component
class PublicContents {

    private final Map<String, PublicContent> byKind = new TreeMap<>();

    PublicContents(List<PublicContent> sources) {
        for (PublicContent source : sources) {
            PublicContent other = byKind.put(source.kind(), source);
            if (other != null) {
                throw new IllegalStateException("Two sources of public content of kind " + source.kind() + ": "
                        + other.getClass().getName() + " and " + source.getClass().getName());
            }
        }
    }

    /** In alphabetical order, as the search page offers them. */
    Set<String> kinds() {
        return byKind.keySet();
    }

    Collection<PublicContent> all() {
        return byKind.values();
    }

    /** Empty for a kind that no module publishes (any more). */
    Optional<PublicContent> of(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }
}
