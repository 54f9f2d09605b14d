package org.civicdesk.projects.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.civicdesk.projects.DealEvent;
import org.civicdesk.projects.internal.Views.DealView;
import org.civicdesk.projects.internal.Views.PartyView;
import org.civicdesk.shared.PublicContent;
import org.civicdesk.shared.PublicDocument;
import org.springframework.stereotype.Component;

/** Technology-transfer deals with their parties and event, as the public deals page shows them. Keyed by id. */
@Component
class DealContent implements PublicContent {

    private final DealService deals;

    DealContent(DealService deals) {
        this.deals = deals;
    }

    @Override
    public String kind() {
        return DealEvent.CONTENT_KIND;
    }

    @Override
    public Optional<PublicDocument> document(String key) {
        try {
            return deals.find(Long.parseLong(key)).map(DealContent::document);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<PublicDocument> documents() {
        return deals.deals(null).stream().map(DealContent::document).toList();
    }

    private static PublicDocument document(DealView d) {
        Stream<String> parties = Stream.concat(d.from().stream(), d.to().stream()).map(PartyView::name);
        String text = Stream.concat(Stream.of("专利转化", d.patentNo(), d.event()), parties).filter(Objects::nonNull)
                .collect(Collectors.joining("\n"));
        return new PublicDocument(DealEvent.CONTENT_KIND, Long.toString(d.id()), d.title(), text,
                "/public/deals#deal-" + d.id());
    }
}
