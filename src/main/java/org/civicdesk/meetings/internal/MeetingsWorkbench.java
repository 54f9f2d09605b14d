package org.civicdesk.meetings.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Role;
import org.civicdesk.shared.web.DeskCount;
import org.civicdesk.shared.web.DeskCounts;
import org.civicdesk.shared.web.NavEntries;
import org.civicdesk.shared.web.NavEntry;
import org.civicdesk.shared.web.NavGroup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The meetings pages in the menus, and on an organiser's workbench the meetings of this week. */
@Component
@Transactional(readOnly = true)
class MeetingsWorkbench implements NavEntries, DeskCounts {

    private final JdbcClient jdbc;
    private final MeetingService meetings;
    private final Clock clock;

    MeetingsWorkbench(JdbcClient jdbc, MeetingService meetings, Clock clock) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.clock = clock;
    }

    @Override
    public List<NavEntry> entries() {
        return List.of(
                NavEntry.everyone(NavGroup.PUBLIC, 20, "nav.meetings", "/public/meetings"),
                NavEntry.signedIn(NavGroup.MEETINGS, 10, "nav.myMeetings", "/my/meetings"),
                NavEntry.forRoles(NavGroup.MEETINGS, 20, "nav.organise", "/meetings", Role.ADMIN, Role.SUPERVISOR));
    }

    /** Meetings from Monday to Sunday of the city's current week, drafts included: they are being organised. */
    @Override
    public List<DeskCount> countsFor(Actor actor) {
        if (!actor.has(Role.ADMIN) && !actor.has(Role.SUPERVISOR)) {
            return List.of();
        }
        LocalDate monday = LocalDate.now(clock.withZone(meetings.zone()))
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        long thisWeek = jdbc.sql("SELECT COUNT(*) FROM meeting WHERE starts_at >= :from AND starts_at < :to")
                .param("from", monday.atStartOfDay(meetings.zone()).toOffsetDateTime())
                .param("to", monday.plusWeeks(1).atStartOfDay(meetings.zone()).toOffsetDateTime())
                .query(Long.class).single();
        return List.of(DeskCount.of(NavGroup.MEETINGS, 10, "meetings.desk.thisWeek", thisWeek, "/meetings"));
    }
}
