package org.civicdesk.projects.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.civicdesk.projects.DealFairChanged;
import org.civicdesk.projects.internal.Views.DealEventView;
import org.civicdesk.projects.internal.Views.DealView;
import org.civicdesk.shared.PublicContent;
import org.civicdesk.shared.PublicDocument;
import org.springframework.stereotype.Component;

/**
 * 专利转化对接会 — each fair's public page: its name, organiser and the deals signed at it, so that a
 * reader searching 专利 finds the fair that gathers them. Keyed by the fair's id.
 */
@Component
class FairContent implements PublicContent {

    private final DealEvents fairs;
    private final DealService deals;

    FairContent(DealEvents fairs, DealService deals) {
        this.fairs = fairs;
        this.deals = deals;
    }

    @Override
    public String kind() {
        return DealFairChanged.CONTENT_KIND;
    }

    @Override
    public Optional<PublicDocument> document(String key) {
        try {
            return fairs.findById(Long.parseLong(key)).map(this::document);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean gathersOthers() {
        return true;
    }

    @Override
    public List<PublicDocument> documents() {
        return fairs.all().stream().map(this::document).toList();
    }

    private PublicDocument document(DealEventView fair) {
        String text = Stream.concat(Stream.of("专利转化", fair.organiser()), deals.deals(fair.name()).stream()
                .map(DealView::title)).filter(Objects::nonNull).collect(Collectors.joining("\n"));
        return new PublicDocument(DealFairChanged.CONTENT_KIND, Long.toString(fair.id()), fair.name(), text,
                "/public/deals/events/" + fair.id(), fair.heldOn());
    }
}
