package org.civicdesk.matters.internal;

import java.time.LocalDate;
import java.util.List;

import org.civicdesk.calendar.WorkingCalendar;
import org.civicdesk.matters.CaseId;
import org.civicdesk.matters.MatterId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Every working morning of the official calendar (a weekend or holiday has no morning here): reminds
 * departments of cases due within a few working days, and escalates overdue cases to the
 * supervisors. Each alert is made once per case, due date and kind ({@code case_alert}), so a
 * deadline that moves — an extension granted, a case sent back for re-handling — is reminded and
 * escalated again, while running twice, or on two nodes, sends nothing twice.
 */
@Component
class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

    private final JdbcClient jdbc;
    private final Deadlines deadlines;
    private final WorkingCalendar calendar;
    private final MatterCommands commands;
    private final MattersSettings settings;

    DeadlineWatch(JdbcClient jdbc, Deadlines deadlines, WorkingCalendar calendar, MatterCommands commands,
            MattersSettings settings) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.commands = commands;
        this.settings = settings;
    }

    /**
     * Every node's scheduler fires at the same moment. A run keeps the lock for at least 10 s, so that
     * a node whose clock or scheduler is a little behind finds it still taken, rather than free again
     * after a run of a few milliseconds, and runs nothing; a cron that fires more often than that skips
     * the firings within it.
     */
    @Scheduled(cron = "${civicdesk.matters.deadline-watch-cron:0 0 8 * * *}", zone = "${civicdesk.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "matters.deadlineWatch", lockAtMostFor = "30m", lockAtLeastFor = "10s")
    void scheduled() {
        onWorkingDay();
    }

    /** The watch, unless the city's today is a weekend or holiday of the official calendar. */
    void onWorkingDay() {
        if (!calendar.isWorkingDay(deadlines.today())) {
            log.info("Deadline watch: {} is not a working day, nobody is reminded", deadlines.today());
            return;
        }
        Result r = run();
        log.info("Deadline watch: {} reminders, {} escalations", r.reminded(), r.escalated());
    }

    record Result(int reminded, int escalated) {
    }

    private record Due(long caseId, long matterId, LocalDate dueDate) {
    }

    /** Alerts each case once per due date; each alert commits on its own, with its matter's change. */
    Result run() {
        LocalDate today = deadlines.today();
        LocalDate horizon = calendar.addWorkingDays(today, settings.remindWorkingDays());
        List<Due> due = jdbc.sql("""
                SELECT c.id, c.matter_id, c.due_date FROM handling_case c
                WHERE c.status IN""" + " " + CaseStatus.pendingSql() + """
                 AND c.due_date <= :horizon
                  AND NOT EXISTS (SELECT 1 FROM case_alert a WHERE a.case_id = c.id AND a.due_date = c.due_date
                                  AND a.kind = CASE WHEN c.due_date < :today THEN 'OVERDUE' ELSE 'DUE_SOON' END)
                ORDER BY c.due_date, c.id""")
                .param("horizon", horizon).param("today", today)
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("matter_id"),
                        rs.getDate("due_date").toLocalDate()))
                .list();
        int reminded = 0;
        int escalated = 0;
        for (Due d : due) {
            boolean overdue = d.dueDate().isBefore(today);
            commands.alert(new MatterId(d.matterId()), new CaseId(d.caseId()), d.dueDate(), overdue,
                    d.dueDate().toString());
            if (overdue) {
                escalated++;
            } else {
                reminded++;
            }
        }
        return new Result(reminded, escalated);
    }
}
