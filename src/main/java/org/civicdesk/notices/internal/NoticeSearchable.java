package org.civicdesk.notices.internal;

import java.util.List;

import org.civicdesk.notices.SearchDocument;
import org.civicdesk.notices.Searchable;
import org.springframework.stereotype.Component;

/** Published notices for the search; their changes bump the search revision, so no stamp is needed. */
@Component
class NoticeSearchable implements Searchable {

    static final String KIND = "NOTICE";

    private final NoticeService notices;

    NoticeSearchable(NoticeService notices) {
        this.notices = notices;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<SearchDocument> documents() {
        return notices.published().stream().map(n -> new SearchDocument(KIND, String.valueOf(n.id()), n.title(),
                n.body(), "/public/notices/" + n.id())).toList();
    }
}
