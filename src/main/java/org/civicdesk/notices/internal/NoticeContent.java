package org.civicdesk.notices.internal;

import java.util.List;
import java.util.Optional;

import org.civicdesk.notices.NoticeEvent;
import org.civicdesk.shared.PublicContent;
import org.civicdesk.shared.PublicDocument;
import org.springframework.stereotype.Component;

/** Published notices, as the public reads them; keyed by the notice's id. */
@Component
class NoticeContent implements PublicContent {

    private final NoticeService notices;

    NoticeContent(NoticeService notices) {
        this.notices = notices;
    }

    @Override
    public String kind() {
        return NoticeEvent.CONTENT_KIND;
    }

    @Override
    public Optional<PublicDocument> document(String key) {
        return notices.findPublished(Long.parseLong(key)).map(NoticeContent::document);
    }

    @Override
    public List<PublicDocument> documents() {
        return notices.published().stream().map(NoticeContent::document).toList();
    }

    private static PublicDocument document(Notice n) {
        return new PublicDocument(NoticeEvent.CONTENT_KIND, String.valueOf(n.id()), n.title(), n.body(),
                "/public/notices/" + n.id());
    }
}
