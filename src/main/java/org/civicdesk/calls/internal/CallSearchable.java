package org.civicdesk.calls.internal;

import java.util.List;

import org.civicdesk.notices.SearchDocument;
import org.civicdesk.notices.Searchable;
import org.springframework.stereotype.Component;

/** Calls for the search, as their public page shows them; creating a call bumps the search revision. */
@Component
class CallSearchable implements Searchable {

    private static final String KIND = "CALL";

    private final CallService calls;

    CallSearchable(CallService calls) {
        this.calls = calls;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<SearchDocument> documents() {
        return calls.calls().stream().map(c -> new SearchDocument(KIND, c.code(), c.title(),
                String.join("\n", c.description() == null ? "" : c.description(), c.contact() == null ? "" : c.contact()),
                "/public/calls/" + c.code())).toList();
    }
}
