package org.civicdesk.notices.internal;

import java.time.OffsetDateTime;

import org.civicdesk.shared.Redactor;

/** 公告 — a notice as stored; {@code publishedAt} is null while it is a draft. */
record Notice(long id, String title, String body, String issuerOrg, NoticeKind kind, String status,
        OffsetDateTime publishedAt, OffsetDateTime updatedAt) {

    static final String DRAFT = "DRAFT";
    static final String PUBLISHED = "PUBLISHED";

    public boolean published() {
        return PUBLISHED.equals(status);
    }

    /** The notice as the public reads it, on its page, in the API, the feed and the search. */
    Notice redacted() {
        return new Notice(id, Redactor.redact(title), Redactor.redact(body), issuerOrg, kind, status, publishedAt,
                updatedAt);
    }
}
