package org.civicdesk.meetings.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.civicdesk.meetings.internal.Views.MeetingView;
import org.civicdesk.shared.web.Formats;
import org.civicdesk.shared.web.PublicFigures;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The public meetings of this month, and those to come (or, when none is set, the latest held). */
@Component
class MeetingFigures implements PublicFigures {

    private static final int LATEST = 5;

    private final PublicMeetings meetings;
    private final MessageSource messages;
    private final Clock clock;

    MeetingFigures(PublicMeetings meetings, MessageSource messages, Clock clock) {
        this.meetings = meetings;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public List<Figure> headlines(Locale locale) {
        YearMonth month = YearMonth.now(clock.withZone(meetings.zone()));
        return List.of(new Figure("meetings-this-month", 30, messages.getMessage("meetings.figures.thisMonth", null,
                locale), BigDecimal.valueOf(meetings.meetings(null, month).size()), Measure.COUNT,
                new Formats(locale, meetings.zone()).month(month), "/public/meetings/calendar"));
    }

    @Override
    public List<Feed> feeds(Locale locale) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<MeetingView> all = meetings.upcomingFirst(null);
        List<MeetingView> upcoming = all.stream().filter(m -> m.startsAt().isAfter(now)).limit(LATEST).toList();
        boolean held = upcoming.isEmpty();
        Formats formats = new Formats(locale, meetings.zone());
        List<Item> items = (held ? all.stream().limit(LATEST).toList() : upcoming).stream()
                .map(m -> new Item(m.title(), "/public/meetings/" + m.id(),
                        formats.dateTime(m.startsAt()) + " · " + m.venue()))
                .toList();
        return List.of(new Feed("meetings", 20, messages.getMessage(held ? "meetings.figures.latest"
                : "meetings.figures.upcoming", null, locale), "/public/meetings", items));
    }
}
