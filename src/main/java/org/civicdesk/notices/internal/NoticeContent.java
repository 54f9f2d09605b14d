package org.civicdesk.notices.internal;

import java.util.List;
import java.util.Optional;

import org.civicdesk.notices.NoticeEvent;
import org.civicdesk.shared.CitySettings;
import org.civicdesk.shared.PublicContent;
import org.civicdesk.shared.PublicDocument;
import org.springframework.stereotype.Component;

/** Published notices, as the public reads them; keyed by the notice's id. */
@Component
class NoticeContent implements PublicContent {

    private final NoticeService notices;
    private final CitySettings city;

    NoticeContent(NoticeService notices, CitySettings city) {
        this.notices = notices;
        this.city = city;
    }

    @Override
    public String kind() {
        return NoticeEvent.CONTENT_KIND;
    }

    @Override
    public Optional<PublicDocument> document(String key) {
        return notices.findPublished(Long.parseLong(key)).map(this::document);
    }

    @Override
    public List<PublicDocument> documents() {
        return notices.published().stream().map(this::document).toList();
    }

    private PublicDocument document(Notice n) {
        return new PublicDocument(NoticeEvent.CONTENT_KIND, String.valueOf(n.id()), n.title(), n.body(),
                "/public/notices/" + n.id(), n.publishedAt() == null ? null
                        : n.publishedAt().atZoneSameInstant(city.timeZone()).toLocalDate());
    }
}
