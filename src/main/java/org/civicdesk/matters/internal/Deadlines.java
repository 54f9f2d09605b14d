package org.civicdesk.matters.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import org.civicdesk.calendar.WorkingCalendar;
import org.civicdesk.matters.MatterType;
import org.civicdesk.shared.CitySettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 办理时限 — due dates on the official working-day calendar. A limit in working days counts from
 * the day after assignment; a limit in months ends on the same day of the month, moved to the next
 * working day when that is a holiday or weekend. A series may fix one date for all its matters.
 */
@Component
class Deadlines implements HandlingRules {

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final ZoneId zone;
    private final MattersSettings settings;

    Deadlines(JdbcClient jdbc, WorkingCalendar calendar, Clock clock,
            CitySettings city, MattersSettings settings) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
        this.zone = city.timeZone();
        this.settings = settings;
    }

    @Override
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** Today in the city's time zone: deadlines are dates there, wherever the server runs. */
    @Override
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    @Override
    public LocalDate dayOf(OffsetDateTime instant) {
        return instant.atZoneSameInstant(zone).toLocalDate();
    }

    @Override
    public Set<AnswerCategory> answerCategories() {
        return settings.answerCategories();
    }

    ZoneId zone() {
        return zone;
    }

    TimeLimit limit(MatterType type) {
        return jdbc.sql("SELECT * FROM time_limit WHERE matter_type = :t").param("t", type.name())
                .query((rs, n) -> new TimeLimit(type, TimeLimit.Unit.valueOf(rs.getString("unit")), rs.getInt("lead_amount"),
                        rs.getInt("co_amount"), rs.getInt("urgent_days"), rs.getInt("rehandle_amount"),
                        rs.getInt("max_total_amount"), rs.getInt("return_window_days"),
                        rs.getInt("close_unrated_days")))
                .single();
    }

    Optional<LocalDate> seriesDeadline(String seriesSlug) {
        if (seriesSlug == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT due_date FROM series_deadline WHERE series_slug = :s").param("s", seriesSlug)
                .query(LocalDate.class).optional();
    }

    @Override
    public LocalDate leadDue(MatterType type, String seriesSlug, boolean urgent, LocalDate assignedOn) {
        TimeLimit limit = limit(type);
        if (urgent) {
            return calendar.addWorkingDays(assignedOn, limit.urgentDays());
        }
        return seriesDeadline(seriesSlug).filter(d -> !d.isBefore(assignedOn))
                .orElseGet(() -> after(assignedOn, limit.leadAmount(), limit.inMonths()));
    }

    /** Co-handlers send their opinion before the lead must answer, never after. */
    @Override
    public LocalDate coDue(MatterType type, LocalDate assignedOn, LocalDate leadDue) {
        TimeLimit limit = limit(type);
        LocalDate co = after(assignedOn, limit.coAmount(), limit.inMonths());
        return co.isAfter(leadDue) ? leadDue : co;
    }

    @Override
    public LocalDate rehandleDue(MatterType type, LocalDate from) {
        TimeLimit limit = limit(type);
        return after(from, limit.rehandleAmount(), limit.inMonths());
    }

    /** The latest date an extension may reach (e.g. 6 months after assignment for a suggestion). */
    @Override
    public LocalDate latestExtension(MatterType type, LocalDate assignedOn) {
        TimeLimit limit = limit(type);
        return after(assignedOn, limit.maxTotalAmount(), limit.inMonths());
    }

    @Override
    public boolean withinReturnWindow(MatterType type, LocalDate assignedOn) {
        return !today().isAfter(calendar.addWorkingDays(assignedOn, limit(type).returnWindowDays()));
    }

    @Override
    public boolean mayCloseUnrated(MatterType type, LocalDate answeredOn) {
        return !today().isBefore(calendar.addWorkingDays(answeredOn, limit(type).closeUnratedDays()));
    }

    @Override
    public int returnWindowDays(MatterType type) {
        return limit(type).returnWindowDays();
    }

    @Override
    public int closeUnratedDays(MatterType type) {
        return limit(type).closeUnratedDays();
    }

    int workingDaysLeft(LocalDate due) {
        return calendar.workingDaysBetween(today(), due);
    }

    private LocalDate after(LocalDate start, int amount, boolean months) {
        if (!months) {
            return calendar.addWorkingDays(start, amount);
        }
        LocalDate due = start.plusMonths(amount);
        return calendar.isWorkingDay(due) ? due : calendar.addWorkingDays(due, 1);
    }
}
