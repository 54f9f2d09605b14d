package org.civicdesk.projects;

import org.civicdesk.shared.PublicContentChanged;

/** A technology-transfer deal was recorded, published in the transaction that records it. */
public record DealEvent(long dealId) implements PublicContentChanged {

    /** The kind of public content a deal is. */
    public static final String CONTENT_KIND = "DEAL";

    @Override
    public String contentKind() {
        return CONTENT_KIND;
    }

    @Override
    public String contentKey() {
        return Long.toString(dealId);
    }
}
