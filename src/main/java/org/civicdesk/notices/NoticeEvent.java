package org.civicdesk.notices;

import org.civicdesk.shared.PublicContentChanged;

/**
 * What happens to a notice (公告), published in the transaction that makes it happen and delivered
 * to other modules' listeners once it commits.
 */
public sealed interface NoticeEvent {

    /** The kind of public content a notice is. */
    String CONTENT_KIND = "NOTICE";

    long noticeId();

    /** Written and kept as a draft: nobody but administrators reads it yet. */
    record Drafted(long noticeId) implements NoticeEvent {
    }

    /** Published, or published again after a withdrawal: the public reads it from now on. */
    record Published(long noticeId) implements PublicChange {
    }

    /** 撤回 — taken back to a draft: the public no longer reads it. */
    record Withdrawn(long noticeId) implements PublicChange {
    }

    /** A change of what the public reads of the notice. */
    sealed interface PublicChange extends NoticeEvent, PublicContentChanged permits Published, Withdrawn {

        @Override
        default String contentKind() {
            return CONTENT_KIND;
        }

        @Override
        default String contentKey() {
            return Long.toString(noticeId());
        }
    }
}
