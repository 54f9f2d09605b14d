package org.civicdesk.meetings.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.civicdesk.meetings.internal.Views.MeetingView;
import org.civicdesk.meetings.internal.Views.SeriesView;
import org.springframework.stereotype.Component;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * 日历订阅 — a series' published and closed meetings as an RFC 5545 calendar that calendar programs subscribe
 * to, or one meeting's as a file to open once. Times are written in UTC, so no program needs the city's time-zone definition; a meeting
 * without an end time is given two hours.
 */
@Component
class CalendarFeed {

    private final Clock clock;

    CalendarFeed(Clock clock) {
        this.clock = clock;
    }

    String write(SeriesView series, List<MeetingView> meetings, String host) {
        return write(series.name(), series.slug(), meetings, host);
    }

    /** One meeting's calendar file, to add it to a calendar program once; its UID is the feed's, so the two agree. */
    String write(MeetingView meeting, String host) {
        return write(meeting.title(), "meeting " + meeting.id(), List.of(meeting), host);
    }

    private String write(String name, String what, List<MeetingView> meetings, String host) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Civic Desk//Meetings//ZH"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        Instant stamp = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        for (MeetingView m : meetings) {
            Instant start = m.startsAt().toInstant();
            Instant end = m.endsAt() != null ? m.endsAt().toInstant() : start.plus(2, ChronoUnit.HOURS);
            VEvent event = new VEvent(start, end, m.title());
            event.add(new Uid("meeting-" + m.id() + "@" + host));
            // The constructor stamps the event with the system's time already; one DTSTAMP only (RFC 5545 §3.6.1),
            // and the clock's, so that a replayed day writes the same feed.
            event.replace(new DtStamp(stamp));
            event.add(new Location(m.venue()));
            if (m.theme() != null) {
                event.add(new Description(m.theme()));
            }
            event.add(ImmutableStatus.VEVENT_CONFIRMED);
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the calendar of " + what, e);
        }
        return out.toString();
    }
}
