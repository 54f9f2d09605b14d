package org.civicdesk.places.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.civicdesk.places.PlaceEvent;
import org.civicdesk.places.internal.Views.PlaceView;
import org.civicdesk.shared.PublicContent;
import org.civicdesk.shared.PublicDocument;
import org.springframework.stereotype.Component;

/**
 * Places, with what their public page shows: where they are, what they are, the courses they offer.
 * Keyed by the place's id.
 */
@Component
class PlaceContent implements PublicContent {

    private final PlaceService places;

    PlaceContent(PlaceService places) {
        this.places = places;
    }

    @Override
    public String kind() {
        return PlaceEvent.CONTENT_KIND;
    }

    @Override
    public Optional<PublicDocument> document(String key) {
        return places.find(Long.parseLong(key)).map(PlaceContent::document);
    }

    @Override
    public List<PublicDocument> documents() {
        return places.placeViews(null, null).stream().map(PlaceContent::document).toList();
    }

    private static PublicDocument document(PlaceView p) {
        Stream<String> courses = p.courses().stream().flatMap(c -> Stream.of(c.title(), c.description()));
        String text = Stream.concat(Stream.of(p.district(), p.address(), p.description()), courses)
                .filter(Objects::nonNull).collect(Collectors.joining("\n"));
        return new PublicDocument(PlaceEvent.CONTENT_KIND, Long.toString(p.id()), p.name(), text,
                "/public/places/" + p.id());
    }
}
