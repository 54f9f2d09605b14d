package org.civicdesk.notifications.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.civicdesk.meetings.ExpectedAttendee;
import org.civicdesk.meetings.Meetings;
import org.civicdesk.shared.CitySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * 会前提醒 — the day before a meeting, in the city's time, everyone expected at it (registration
 * confirmed, invitation accepted) is reminded of when and where. It runs every hour of the working
 * day, so that someone confirmed in the afternoon for tomorrow is reminded too, and never at night;
 * one node runs it at a time (ShedLock), and each person is reminded once per meeting and day, however
 * often it runs: a meeting moved to another day is reminded again.
 */
@Component
class MeetingReminders {

    private static final Logger log = LoggerFactory.getLogger(MeetingReminders.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Meetings meetings;
    private final Notifications notifications;
    private final Clock clock;
    private final ZoneId zone;
    private final TransactionTemplate tx;

    MeetingReminders(Meetings meetings, Notifications notifications, Clock clock, CitySettings city,
            PlatformTransactionManager transactions) {
        this.meetings = meetings;
        this.notifications = notifications;
        this.clock = clock;
        this.zone = city.timeZone();
        this.tx = new TransactionTemplate(transactions);
    }

    @Scheduled(cron = "${civicdesk.notifications.meeting-reminders-cron:0 0 8-20 * * *}",
            zone = "${civicdesk.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "notifications.meetingReminders", lockAtMostFor = "30m", lockAtLeastFor = "10s")
    void scheduled() {
        int reminded = remind();
        if (reminded > 0) {
            log.info("Meeting reminders: {} sent for tomorrow's meetings", reminded);
        }
    }

    /** Reminds those expected at tomorrow's meetings who were not reminded yet; each in its own transaction. */
    int remind() {
        LocalDate tomorrow = LocalDate.now(clock.withZone(zone)).plusDays(1);
        OffsetDateTime from = tomorrow.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime until = tomorrow.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        int reminded = 0;
        for (ExpectedAttendee a : meetings.expectedBetween(from, until)) {
            String time = a.startsAt().atZoneSameInstant(zone).format(TIME);
            Boolean written = tx.execute(status -> notifications.toAccount(a.account(), "MEETING_REMINDER", null,
                    a.title(), tomorrow, time + " · " + a.venue(), "/my/meetings",
                    "MEETING_REMINDER:p" + a.participantId() + ":" + tomorrow, clock.instant()));
            reminded += Boolean.TRUE.equals(written) ? 1 : 0;
        }
        return reminded;
    }
}
