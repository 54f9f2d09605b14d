package org.civicdesk.calls.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.civicdesk.calls.CallEvent;
import org.civicdesk.calls.internal.Views.CallView;
import org.civicdesk.shared.PublicContent;
import org.civicdesk.shared.PublicDocument;
import org.springframework.stereotype.Component;

/**
 * Calls, as their public page shows them, contact included: it is the organisers' published contact,
 * not an applicant's. Keyed by the call's code.
 */
@Component
class CallContent implements PublicContent {

    private final CallService calls;

    CallContent(CallService calls) {
        this.calls = calls;
    }

    @Override
    public String kind() {
        return CallEvent.CONTENT_KIND;
    }

    @Override
    public Optional<PublicDocument> document(String key) {
        return calls.find(key).map(CallContent::document);
    }

    @Override
    public List<PublicDocument> documents() {
        return calls.calls().stream().map(CallContent::document).toList();
    }

    private static PublicDocument document(CallView c) {
        String text = String.join("\n", Objects.requireNonNullElse(c.description(), ""),
                Objects.requireNonNullElse(c.contact(), ""));
        return new PublicDocument(CallEvent.CONTENT_KIND, c.code(), c.title(), text, "/public/calls/" + c.code());
    }
}
