package org.civicdesk.notifications.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.civicdesk.matters.CaseId;
import org.civicdesk.matters.MatterEvent;
import org.civicdesk.matters.MatterId;
import org.civicdesk.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns what happens to matters into notifications for those who must act or want to know: a
 * department of a case assigned to it, of a chase-up, of a deadline coming up; supervisors of a case
 * returned, an extension asked for, a deadline passed; raisers of an answer to rate or a refusal.
 *
 * <p>It runs after the change committed, in a transaction of its own, and the event publication
 * registry delivers each event again if a node died before it finished; each notification carries a
 * key, so a second delivery writes nothing. It is dated when its event happened, not when it was
 * delivered.
 */
@Component
class Notifications {

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Who a notification is for: one account, the handlers of a department, or everyone in a role. */
    private record To(String username, String org, Role role) {

        static To account(String username) {
            return new To(username, null, null);
        }

        static To department(String org) {
            return new To(null, org, null);
        }

        static To supervisors() {
            return new To(null, null, Role.SUPERVISOR);
        }
    }

    @ApplicationModuleListener
    void on(MatterEvent.CasesAssigned e) {
        e.cases().forEach(c -> notify(To.department(c.orgCode()), "NEW_CASE", e.matter(), c.id(), e.title(),
                c.orgCode(), c.dueDate(), e.at()));
    }

    @ApplicationModuleListener
    void on(MatterEvent.CaseReassigned e) {
        MatterEvent.AssignedCase c = e.replacement();
        notify(To.department(c.orgCode()), "NEW_CASE", e.matter(), c.id(), e.title(), c.orgCode(), c.dueDate(),
                e.at());
    }

    @ApplicationModuleListener
    void on(MatterEvent.CaseReturned e) {
        notify(To.supervisors(), "CASE_RETURNED", e.matter(), e.caseId(), e.title(), e.orgCode(), null, e.at());
    }

    @ApplicationModuleListener
    void on(MatterEvent.ExtensionRequested e) {
        notify(To.supervisors(), "EXTENSION_REQUESTED", e.matter(), e.caseId(), e.title(), e.orgCode(), e.until(),
                e.at());
    }

    @ApplicationModuleListener
    void on(MatterEvent.ExtensionDecided e) {
        notify(To.department(e.orgCode()), e.granted() ? "EXTENSION_GRANTED" : "EXTENSION_REFUSED", e.matter(),
                e.caseId(), e.title(), e.orgCode(), e.dueDate(), e.at());
    }

    /** Raisers are told once every department that answers has answered. */
    @ApplicationModuleListener
    void on(MatterEvent.CaseAnswered e) {
        if (e.matterAnswered()) {
            e.raisers().forEach(r -> notify(To.account(r), "ANSWERED", e.matter(), e.caseId(), e.title(),
                    e.orgCode(), null, e.at()));
        }
    }

    @ApplicationModuleListener
    void on(MatterEvent.MatterRejected e) {
        e.raisers().forEach(r -> notify(To.account(r), "REJECTED", e.matter(), null, e.title(), null, null, e.at()));
    }

    @ApplicationModuleListener
    void on(MatterEvent.MatterRated e) {
        e.rehandlingOrgs().forEach(org -> notify(To.department(org), "REHANDLING", e.matter(), null, e.title(), org,
                null, e.at()));
    }

    @ApplicationModuleListener
    void on(MatterEvent.CaseReminded e) {
        notify(To.department(e.orgCode()), "REMINDED", e.matter(), e.caseId(), e.title(), e.orgCode(), null, e.at());
    }

    @ApplicationModuleListener
    void on(MatterEvent.CaseDueSoon e) {
        notify(To.department(e.orgCode()), "DUE_SOON", e.matter(), e.caseId(), e.title(), e.orgCode(), e.dueDate(),
                e.at());
    }

    @ApplicationModuleListener
    void on(MatterEvent.CaseOverdue e) {
        notify(To.supervisors(), "OVERDUE", e.matter(), e.caseId(), e.title(), e.orgCode(), e.dueDate(), e.at());
    }

    /**
     * Writes one notification, once: its key is what it is about, for whom, and when that happened, so a
     * second delivery of the same event finds it written.
     */
    private void notify(To to, String kind, MatterId matter, CaseId aCase, String title, String org, LocalDate due,
            Instant at) {
        String key = String.join(":", kind, aCase == null ? "m" + matter : "c" + aCase,
                to.username() != null ? "u" + to.username() : to.org() != null ? "o" + to.org() : "r" + to.role(),
                Long.toString(at.toEpochMilli()));
        jdbc.sql("""
                INSERT INTO notification (recipient, recipient_org, recipient_role, kind, matter_id, case_id, title,
                                          org_code, due_date, dedup_key, created_at)
                VALUES (:to, :org, :role, :kind, :matter, :case, :title, :orgCode, :due, :key, :at)
                ON CONFLICT DO NOTHING""")
                .param("to", to.username()).param("org", to.org())
                .param("role", to.role() == null ? null : to.role().name()).param("kind", kind)
                .param("matter", matter.value()).param("case", aCase == null ? null : aCase.value())
                .param("title", title).param("orgCode", org).param("due", due).param("key", key)
                .param("at", at.atOffset(ZoneOffset.UTC)).update();
    }

    /** What one reader sees: addressed to it, to its department if it handles for one, or to its roles. */
    record Notification(long id, String kind, Long matterId, Long caseId, String title, String orgCode,
            LocalDate dueDate, String message, OffsetDateTime createdAt) {
    }

    List<Notification> of(String username, String handlerOrg, List<String> roles, int limit) {
        return jdbc.sql("""
                SELECT * FROM notification
                WHERE recipient = :me OR (recipient_org IS NOT NULL AND recipient_org = :org)
                   OR recipient_role IN (:roles)
                ORDER BY id DESC LIMIT :limit""")
                .param("me", username).param("org", handlerOrg == null ? "" : handlerOrg)
                .param("roles", roles.isEmpty() ? List.of("") : roles).param("limit", limit)
                .query((rs, n) -> new Notification(rs.getLong("id"), rs.getString("kind"),
                        rs.getObject("matter_id", Long.class), rs.getObject("case_id", Long.class),
                        rs.getString("title"), rs.getString("org_code"),
                        rs.getObject("due_date", LocalDate.class), rs.getString("message"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }
}
