package org.civicdesk.meetings.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civicdesk.meetings.RaisedItems;
import org.civicdesk.meetings.internal.Views.MeetingView;
import org.civicdesk.shared.Redactor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 系列统计 — what a journalist once counted by hand for a series: how many meetings, how many
 * attendances and distinct attendees, who came more than once, how the themes and the attendees
 * were spread, and what came of the items raised. Only published and closed meetings count, and
 * only people who attended; the host is the organiser's side and is not counted as an attendee.
 * Items raised come from the matters module when it is there, and are zero otherwise. The statistics
 * are public, so their names, titles and themes are the {@code forPublic()} copies, contact details removed.
 */
@Service
@Transactional(readOnly = true)
class SeriesStatistics {

    record Stats(String series, String name, long meetings, long attendances, long distinctAttendees,
            long repeatAttendees, long items, long closed, long inProgress, List<String> repeatAttendeeNames,
            List<CategoryShare> byThemeCategory, List<KindShare> byAttendeeKind, List<PerMeeting> perMeeting) {
    }

    record CategoryShare(String category, long meetings) {
    }

    /** @param meetingsLed meetings where this kind of attendee was the largest group (唱主角) */
    record KindShare(AttendeeKind kind, long attendances, long distinctAttendees, long meetingsLed) {
    }

    record PerMeeting(long id, int number, String title, OffsetDateTime startsAt, String theme, String themeCategory,
            long attendances, AttendeeKind leadingKind, long items, long closed, long inProgress) {
    }

    private record Attendance(long meetingId, String who, String name, AttendeeKind kind) {
    }

    private final JdbcClient jdbc;
    private final MeetingService meetings;
    private final ObjectProvider<RaisedItems> raisedItems;

    SeriesStatistics(JdbcClient jdbc, MeetingService meetings, ObjectProvider<RaisedItems> raisedItems) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.raisedItems = raisedItems;
    }

    Stats of(String slug) {
        Views.SeriesView series = meetings.seriesView(slug).forPublic();
        List<MeetingView> held = meetings.meetings(slug, null, null, false).stream().map(MeetingView::forPublic)
                .toList();
        List<Attendance> attendances = jdbc.sql("""
                SELECT p.meeting_id, p.person_id, p.username, p.name, p.attendee_kind
                FROM participant p JOIN meeting m ON m.id = p.meeting_id
                WHERE m.series_id = :s AND m.status <> 'DRAFT' AND p.attended_at IS NOT NULL AND p.role <> 'HOST'
                ORDER BY m.starts_at, p.id""").param("s", series.id())
                .query((rs, n) -> {
                    long person = rs.getLong("person_id");
                    String who = rs.wasNull() ? "account:" + rs.getString("username") : "person:" + person;
                    return new Attendance(rs.getLong("meeting_id"), who, rs.getString("name"),
                            AttendeeKind.valueOf(rs.getString("attendee_kind")));
                }).list();

        Map<String, Long> timesByWho = new LinkedHashMap<>();
        Map<String, String> nameOf = new HashMap<>();
        for (Attendance a : attendances) {
            timesByWho.merge(a.who(), 1L, Long::sum);
            nameOf.put(a.who(), a.name());
        }
        List<String> repeatNames = timesByWho.entrySet().stream().filter(e -> e.getValue() > 1)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(e -> nameOf.get(e.getKey())))
                .map(e -> Redactor.redact(nameOf.get(e.getKey()))).toList();

        Map<Long, AttendeeKind> leading = leadingKinds(attendances);
        List<KindShare> byKind = new ArrayList<>();
        for (AttendeeKind kind : AttendeeKind.values()) {
            List<Attendance> ofKind = attendances.stream().filter(a -> a.kind() == kind).toList();
            Set<String> distinct = new HashSet<>();
            ofKind.forEach(a -> distinct.add(a.who()));
            long led = leading.values().stream().filter(k -> k == kind).count();
            if (!ofKind.isEmpty()) {
                byKind.add(new KindShare(kind, ofKind.size(), distinct.size(), led));
            }
        }

        Map<String, Long> byCategory = new LinkedHashMap<>();
        series.themeCategories().forEach(c -> byCategory.put(c, 0L));
        held.stream().filter(m -> m.themeCategory() != null).forEach(m -> byCategory.merge(m.themeCategory(), 1L, Long::sum));

        RaisedItems raised = raisedItems.getIfAvailable();
        RaisedItems.Counts total = raised == null ? RaisedItems.Counts.NONE : raised.forSeries(slug);
        Map<Long, RaisedItems.Counts> perMeetingRaised = raised == null || held.isEmpty() ? Map.of()
                : raised.forMeetings(held.stream().map(MeetingView::id).toList());
        Map<Long, Long> attendancesByMeeting = new HashMap<>();
        attendances.forEach(a -> attendancesByMeeting.merge(a.meetingId(), 1L, Long::sum));
        List<PerMeeting> perMeeting = held.stream().map(m -> {
            RaisedItems.Counts c = perMeetingRaised.getOrDefault(m.id(), RaisedItems.Counts.NONE);
            return new PerMeeting(m.id(), m.number(), m.title(), m.startsAt(), m.theme(), m.themeCategory(),
                    attendancesByMeeting.getOrDefault(m.id(), 0L), leading.get(m.id()), c.items(), c.closed(),
                    c.inProgress());
        }).toList();

        return new Stats(series.slug(), series.name(), held.size(), attendances.size(), timesByWho.size(),
                repeatNames.size(), total.items(), total.closed(), total.inProgress(), repeatNames,
                byCategory.entrySet().stream().map(e -> new CategoryShare(e.getKey(), e.getValue())).toList(),
                byKind, perMeeting);
    }

    /** What came of the items raised at one meeting. */
    RaisedItems.Counts forMeeting(long meetingId) {
        RaisedItems raised = raisedItems.getIfAvailable();
        return raised == null ? RaisedItems.Counts.NONE
                : raised.forMeetings(List.of(meetingId)).getOrDefault(meetingId, RaisedItems.Counts.NONE);
    }

    /** The kind of attendee most present at each meeting; a tie goes to the kind listed first. */
    private static Map<Long, AttendeeKind> leadingKinds(List<Attendance> attendances) {
        Map<Long, Map<AttendeeKind, Long>> counts = new HashMap<>();
        for (Attendance a : attendances) {
            counts.computeIfAbsent(a.meetingId(), k -> new EnumMap<>(AttendeeKind.class)).merge(a.kind(), 1L, Long::sum);
        }
        Map<Long, AttendeeKind> leading = new HashMap<>();
        counts.forEach((meeting, byKind) -> leading.put(meeting, byKind.entrySet().stream()
                .max(Comparator.<Map.Entry<AttendeeKind, Long>>comparingLong(Map.Entry::getValue)
                        .thenComparing(e -> -e.getKey().ordinal()))
                .orElseThrow().getKey()));
        return leading;
    }
}
