package org.civicdesk.places.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.civicdesk.places.HonourEvent;
import org.civicdesk.places.internal.Views.HonourView;
import org.civicdesk.shared.PublicContent;
import org.civicdesk.shared.PublicDocument;
import org.springframework.stereotype.Component;

/**
 * Honours, as the public registry lists them. Many organisations receive the same honour, so a hit
 * is titled by the organisation first. Keyed by the honour's id; each links to its row of the registry.
 */
@Component
class HonourContent implements PublicContent {

    private final HonourService honours;

    HonourContent(HonourService honours) {
        this.honours = honours;
    }

    @Override
    public String kind() {
        return HonourEvent.CONTENT_KIND;
    }

    @Override
    public Optional<PublicDocument> document(String key) {
        return honours.find(Long.parseLong(key)).map(HonourContent::document);
    }

    @Override
    public List<PublicDocument> documents() {
        return honours.honours().stream().map(HonourContent::document).toList();
    }

    private static PublicDocument document(HonourView h) {
        String text = Stream.of(h.awardingBody(), h.awardedOn().toString(), h.citation()).filter(Objects::nonNull)
                .collect(Collectors.joining("\n"));
        return new PublicDocument(HonourEvent.CONTENT_KIND, Long.toString(h.id()), h.orgName() + "：" + h.title(), text,
                "/public/honours#honour-" + h.id(), h.awardedOn());
    }
}
