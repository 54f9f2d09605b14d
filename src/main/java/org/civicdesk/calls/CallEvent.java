package org.civicdesk.calls;

import org.civicdesk.shared.PublicContentChanged;

/**
 * What happens to a call for applications (征集) and the applications to it, published in the
 * transaction that makes it happen and delivered to other modules' listeners once it commits. No
 * event carries an applicant's name, birth date or phone number.
 */
public sealed interface CallEvent {

    /** The kind of public content a call is. */
    String CONTENT_KIND = "CALL";

    String callCode();

    /** Opened: the public reads the call and may apply. */
    record Opened(String callCode) implements CallEvent, PublicContentChanged {

        @Override
        public String contentKind() {
            return CONTENT_KIND;
        }

        @Override
        public String contentKey() {
            return callCode;
        }
    }

    /** Someone applied to a group of the call; the application holds a place until it is decided. */
    record ApplicationSubmitted(String callCode, String groupCode, long applicationId) implements CallEvent {
    }

    /** 录取 — the organisers accepted an application. */
    record ApplicationAccepted(String callCode, long applicationId) implements CallEvent {
    }

    /** The organisers rejected an application, which frees its place. */
    record ApplicationRejected(String callCode, long applicationId) implements CallEvent {
    }

    /** 撤回 — the applicant withdrew an application, which frees its place. */
    record ApplicationWithdrawn(String callCode, long applicationId) implements CallEvent {
    }
}
