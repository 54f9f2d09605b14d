package org.civicdesk.projects;

import org.civicdesk.shared.PublicContentChanged;

/**
 * What the public reads of a fair (专利转化对接会) changed: it was recorded, or a deal signed at it was,
 * which its page lists. Published in the transaction that makes the change.
 */
public record DealFairChanged(long fairId) implements PublicContentChanged {

    /** The kind of public content a fair's page is. */
    public static final String CONTENT_KIND = "FAIR";

    @Override
    public String contentKind() {
        return CONTENT_KIND;
    }

    @Override
    public String contentKey() {
        return Long.toString(fairId);
    }
}
