package org.civicdesk.meetings;

import org.civicdesk.shared.PublicContentChanged;

/**
 * What happens to a series, a meeting and its agenda, published in the transaction that makes it
 * happen and delivered to other modules' listeners once it commits. Who takes part is told by
 * {@link ParticipationEvent}.
 */
public sealed interface MeetingEvent {

    /** The kind of public content a meeting is. */
    String CONTENT_KIND = "MEETING";

    /** The kind of public content a series' page is. */
    String SERIES_CONTENT_KIND = "SERIES";

    /** A new series (系列) of meetings. */
    record SeriesCreated(String seriesSlug) implements SeriesChange {
    }

    /** A theme category (主题类别) was added to a series. */
    record SeriesCategoryAdded(String seriesSlug, String category) implements SeriesChange {
    }

    /** A meeting is prepared, as a draft or published at once. */
    record Created(long meetingId, String seriesSlug, int number) implements PublicChange {
    }

    /** A draft is published: the public reads it and, if it takes registrations, may register. */
    record Published(long meetingId) implements PublicChange {
    }

    /** 结束 — closed with its report; who came and what was decided is final. */
    record Closed(long meetingId) implements PublicChange {
    }

    /** 会议纪要 — its minutes were recorded or corrected. */
    record MinutesRecorded(long meetingId) implements PublicChange {
    }

    /** An item was put on its agenda (议程). */
    record AgendaItemAdded(long meetingId, long itemId) implements MeetingEvent {
    }

    /** 决定 — what the meeting decided on an agenda item was recorded. */
    record DecisionRecorded(long meetingId, long itemId) implements MeetingEvent {
    }

    /** A change of what the public reads on one series' page. */
    sealed interface SeriesChange extends MeetingEvent, PublicContentChanged permits SeriesCreated, SeriesCategoryAdded {

        String seriesSlug();

        @Override
        default String contentKind() {
            return SERIES_CONTENT_KIND;
        }

        @Override
        default String contentKey() {
            return seriesSlug();
        }
    }

    /** A change of what the public may read of one meeting. */
    sealed interface PublicChange extends MeetingEvent, PublicContentChanged
            permits Created, Published, Closed, MinutesRecorded {

        long meetingId();

        @Override
        default String contentKind() {
            return CONTENT_KIND;
        }

        @Override
        default String contentKey() {
            return Long.toString(meetingId());
        }
    }
}
