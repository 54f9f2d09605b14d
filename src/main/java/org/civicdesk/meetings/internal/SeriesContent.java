package org.civicdesk.meetings.internal;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.civicdesk.meetings.MeetingEvent;
import org.civicdesk.meetings.internal.Views.SeriesView;
import org.civicdesk.shared.PublicContent;
import org.civicdesk.shared.PublicDocument;
import org.springframework.stereotype.Component;

/**
 * 系列 — each series' public page: its name, what it is and its theme categories, so that a reader
 * searching the series' name lands on the page that gathers all its meetings. Keyed by the slug.
 */
@Component
class SeriesContent implements PublicContent {

    private final MeetingService meetings;

    SeriesContent(MeetingService meetings) {
        this.meetings = meetings;
    }

    @Override
    public String kind() {
        return MeetingEvent.SERIES_CONTENT_KIND;
    }

    @Override
    public Optional<PublicDocument> document(String key) {
        return meetings.findSeries(key).map(SeriesContent::document);
    }

    @Override
    public boolean gathersOthers() {
        return true;
    }

    @Override
    public List<PublicDocument> documents() {
        return meetings.allSeries().stream().map(SeriesContent::document).toList();
    }

    private static PublicDocument document(SeriesView s) {
        String text = Stream.concat(Stream.ofNullable(s.description()), s.themeCategories().stream())
                .collect(Collectors.joining("\n"));
        return new PublicDocument(MeetingEvent.SERIES_CONTENT_KIND, s.slug(), s.name(), text,
                "/public/series/" + s.slug());
    }
}
