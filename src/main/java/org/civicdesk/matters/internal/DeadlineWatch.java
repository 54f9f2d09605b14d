package org.civicdesk.matters.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.civicdesk.calendar.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Every working morning: reminds departments of cases due within a few working days, and escalates
 * overdue cases to the supervisors. Each reminder is sent once per case (a unique key on kind and
 * case), so running twice, or on two nodes, sends nothing twice.
 */
@Component
class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

    private final JdbcClient jdbc;
    private final Deadlines deadlines;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final int remindDays;

    DeadlineWatch(JdbcClient jdbc, Deadlines deadlines, WorkingCalendar calendar, Clock clock,
            @Value("${civicdesk.matters.remind-working-days:3}") int remindDays) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.clock = clock;
        this.remindDays = remindDays;
    }

    @Scheduled(cron = "${civicdesk.matters.deadline-watch-cron:0 0 8 * * *}", zone = "${civicdesk.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "matters.deadlineWatch", lockAtMostFor = "30m")
    void scheduled() {
        Result r = run();
        log.info("Deadline watch: {} reminders, {} escalations", r.reminded(), r.escalated());
    }

    record Result(int reminded, int escalated) {
    }

    @Transactional
    Result run() {
        LocalDate today = deadlines.today();
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate horizon = calendar.addWorkingDays(today, remindDays);
        int reminded = jdbc.sql("""
                INSERT INTO notification (recipient_org, kind, matter_id, case_id, message, created_at)
                SELECT c.org_code, 'DUE_SOON', c.matter_id, c.id,
                       CONCAT('事项 #', c.matter_id, ' 「', m.title, '」将于 ', CAST(c.due_date AS VARCHAR(10)), ' 到期'), :now
                FROM handling_case c JOIN matter m ON m.id = c.matter_id
                WHERE c.status IN ('ASSIGNED','SIGNED','REHANDLING') AND c.due_date >= :today AND c.due_date <= :horizon
                  AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.kind = 'DUE_SOON' AND n.case_id = c.id)""")
                .param("now", now).param("today", today).param("horizon", horizon).update();
        int escalated = jdbc.sql("""
                INSERT INTO notification (recipient_role, kind, matter_id, case_id, message, created_at)
                SELECT 'SUPERVISOR', 'OVERDUE', c.matter_id, c.id,
                       CONCAT(c.org_code, ' 办理的事项 #', c.matter_id, ' 「', m.title, '」已于 ',
                              CAST(c.due_date AS VARCHAR(10)), ' 逾期'), :now
                FROM handling_case c JOIN matter m ON m.id = c.matter_id
                WHERE c.status IN ('ASSIGNED','SIGNED','REHANDLING') AND c.due_date < :today
                  AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.kind = 'OVERDUE' AND n.case_id = c.id)""")
                .param("now", now).param("today", today).update();
        jdbc.sql("""
                INSERT INTO case_event (case_id, matter_id, at, actor, kind, note)
                SELECT n.case_id, n.matter_id, n.created_at, 'system', CONCAT('NOTIFIED_', n.kind), n.message
                FROM notification n WHERE n.created_at = :now AND n.case_id IS NOT NULL""")
                .param("now", now).update();
        return new Result(reminded, escalated);
    }
}
