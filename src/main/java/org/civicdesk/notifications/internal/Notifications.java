package org.civicdesk.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.civicdesk.directory.Directory;
import org.civicdesk.matters.CaseId;
import org.civicdesk.matters.MatterEvent;
import org.civicdesk.matters.MatterId;
import org.civicdesk.meetings.Meetings;
import org.civicdesk.meetings.ParticipationEvent;
import org.civicdesk.places.BookingEvent;
import org.civicdesk.shared.AccountNames;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.CitySettings;
import org.civicdesk.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns what happens to matters, meetings and bookings into notifications for those who must act or
 * want to know: a department of a case assigned to it, of a chase-up, of a deadline coming up or
 * passed; supervisors of a case returned, an extension asked for, a deadline passed; raisers of their
 * matter accepted, assigned, answered, refused or closed; participants of an invitation or a decision
 * on their registration; an organisation of the decision on its booking. Each person also gets the
 * kinds they chose by e-mail or SMS ({@link Dispatch}).
 *
 * <p>It runs after the change committed, in a transaction of its own, and the event publication
 * registry delivers each event again if a node died before it finished; each notification carries a
 * key, so a second delivery writes nothing and sends nothing. A notification of a matter is dated when
 * its event happened, not when it was delivered.
 */
@Component
class Notifications {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Dispatch dispatch;
    private final NotificationTexts texts;
    private final Clock clock;
    private final Meetings meetings;
    private final CitySettings city;

    Notifications(JdbcClient jdbc, Directory directory, Dispatch dispatch, NotificationTexts texts, Clock clock,
            Meetings meetings, CitySettings city) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.city = city;
        this.clock = clock;
        this.directory = directory;
        this.dispatch = dispatch;
        this.texts = texts;
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

        String key() {
            return username != null ? "u" + username : org != null ? "o" + org : "r" + role;
        }
    }

    @ApplicationModuleListener
    void on(MatterEvent.MatterAccepted e) {
        e.raisers().forEach(r -> notify(To.account(r), "ACCEPTED", e.matter(), null, e.title(), null, null, e.at()));
    }

    /** The departments get their new cases; the raisers learn who handles their matter and by when. */
    @ApplicationModuleListener
    void on(MatterEvent.CasesAssigned e) {
        e.cases().forEach(c -> notify(To.department(c.orgCode()), "NEW_CASE", e.matter(), c.id(), e.title(),
                c.orgCode(), c.dueDate(), e.at()));
        e.cases().stream().filter(c -> !"CO".equals(c.role())).findFirst().ifPresent(c -> e.raisers()
                .forEach(r -> notify(To.account(r), "ASSIGNED", e.matter(), null, e.title(), c.orgCode(),
                        c.dueDate(), e.at())));
    }

    @ApplicationModuleListener
    void on(MatterEvent.MatterClosed e) {
        e.raisers().forEach(r -> notify(To.account(r), "CLOSED", e.matter(), null, e.title(), null, null, e.at()));
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

    /** Supervisors escalate it; the department is told its case is overdue. */
    @ApplicationModuleListener
    void on(MatterEvent.CaseOverdue e) {
        notify(To.supervisors(), "OVERDUE", e.matter(), e.caseId(), e.title(), e.orgCode(), e.dueDate(), e.at());
        notify(To.department(e.orgCode()), "OVERDUE", e.matter(), e.caseId(), e.title(), e.orgCode(), e.dueDate(),
                e.at());
    }

    /**
     * Writes one notification about a matter, once: its key is what it is about, for whom, and when that
     * happened, so a second delivery of the same event finds it written and sends nothing again.
     */
    private void notify(To to, String kind, MatterId matter, CaseId aCase, String title, String org, LocalDate due,
            Instant at) {
        String key = String.join(":", kind, aCase == null ? "m" + matter : "c" + aCase, to.key(),
                Long.toString(at.toEpochMilli()));
        write(to, kind, matter.value(), aCase == null ? null : aCase.value(), title, org, due,
                "/matters/" + matter, key, at);
    }

    /**
     * A notification to one account from elsewhere in this module (followed matters and notices, aid
     * and claim decisions, meeting reminders): written once per key, and sent by the channels it chose.
     *
     * @return whether it was written now, rather than found written before
     */
    boolean toAccount(String username, String kind, Long matter, String title, LocalDate date, String detail,
            String link, String key, Instant at) {
        return write(To.account(username), kind, matter, null, title, null, date, detail, link, key, at);
    }

    private void write(To to, String kind, Long matter, Long aCase, String title, String org, LocalDate due,
            String link, String key, Instant at) {
        write(to, kind, matter, aCase, title, org, due, null, link, key, at);
    }

    /**
     * Writes one notification unless one with its key exists. A notification to one person, or to a
     * department's handlers, also goes by the channels each of them chose; one to every supervisor
     * stays in the app.
     *
     * @param detail a further fact the kind's text tells, e.g. why an application was declined
     * @return whether it was written now; never for the anonymous raiser, whom nobody can sign in as
     *         to read it and who follows an anonymous report by its tracking code
     */
    private boolean write(To to, String kind, Long matter, Long aCase, String title, String org, LocalDate due,
            String detail, String link, String key, Instant at) {
        if (AccountNames.ANONYMOUS.equals(to.username())) {
            return false;
        }
        int written = jdbc.sql("""
                INSERT INTO notification (recipient, recipient_org, recipient_role, kind, matter_id, case_id, title,
                                          org_code, due_date, detail, link, dedup_key, created_at)
                VALUES (:to, :org, :role, :kind, :matter, :case, :title, :orgCode, :due, :detail, :link, :key, :at)
                ON CONFLICT DO NOTHING""")
                .param("to", to.username()).param("org", to.org())
                .param("role", to.role() == null ? null : to.role().name()).param("kind", kind)
                .param("matter", matter).param("case", aCase).param("title", title).param("orgCode", org)
                .param("due", due).param("detail", detail).param("link", link).param("key", key)
                .param("at", at.atOffset(ZoneOffset.UTC)).update();
        if (written == 0) {
            return false;
        }
        List<String> people = to.username() != null ? List.of(to.username())
                : to.org() != null ? directory.handlersOf(to.org()) : List.of();
        if (!people.isEmpty()) {
            people.forEach(p -> dispatch.outward(p, kind,
                    language -> texts.text(kind, matter, title, org, due, detail, language), link));
        }
        return true;
    }

    // --- meetings and places: each told to the account concerned, dated when it was delivered

    @ApplicationModuleListener
    void on(ParticipationEvent.Invited e) {
        participant(e, "INVITED");
    }

    @ApplicationModuleListener
    void on(ParticipationEvent.RegistrationApproved e) {
        participant(e, "REGISTRATION_APPROVED");
    }

    @ApplicationModuleListener
    void on(ParticipationEvent.RegistrationRejected e) {
        participant(e, "REGISTRATION_REJECTED");
    }

    /** A seat from the waiting list is a decision on the registration too. */
    @ApplicationModuleListener
    void on(ParticipationEvent.MovedUpFromWaitingList e) {
        participant(e, "CONFIRMED".equals(e.registration()) ? "REGISTRATION_APPROVED" : "MOVED_UP");
    }

    private void participant(ParticipationEvent e, String kind) {
        meetings.participantAccount(e.participantId()).ifPresent(account -> meetings.meeting(e.meetingId())
                .ifPresent(m -> write(To.account(account), kind, null, null, m.title(), null,
                        m.startsAt() == null ? null : m.startsAt().atZoneSameInstant(city.timeZone()).toLocalDate(),
                        "/my/meetings", kind + ":p" + e.participantId() + ":u" + account, clock.instant())));
    }

    @ApplicationModuleListener
    void on(BookingEvent.Confirmed e) {
        write(To.account(e.requestedBy()), "BOOKING_CONFIRMED", null, null, e.placeName(), null, e.visitDate(),
                "/places/bookings", "BOOKING_CONFIRMED:b" + e.bookingId(), clock.instant());
    }

    @ApplicationModuleListener
    void on(BookingEvent.Declined e) {
        write(To.account(e.requestedBy()), "BOOKING_DECLINED", null, null, e.placeName(), null, e.visitDate(),
                "/places/bookings", "BOOKING_DECLINED:b" + e.bookingId(), clock.instant());
    }

    /** Who reads: an account, the department it handles for (if it is a handler there), and its roles. */
    record Reader(String username, String handlerOrg, List<String> roles) {

        static Reader of(Actor actor) {
            return new Reader(actor.username(), actor.has(Role.HANDLER) ? actor.orgCode() : null,
                    actor.roles().stream().map(Enum::name).toList());
        }
    }

    /** What one reader sees: addressed to it, to its department if it handles for one, or to its roles. */
    record Notification(long id, String kind, Long matterId, Long caseId, String title, String orgCode,
            LocalDate dueDate, String detail, String message, String link, boolean read, OffsetDateTime createdAt) {

        /** The page it is about. */
        String href() {
            return link != null ? link : matterId != null ? "/matters/" + matterId : null;
        }
    }

    private static final String VISIBLE = """
            (n.recipient = :me OR (n.recipient_org IS NOT NULL AND n.recipient_org = :org)
             OR n.recipient_role IN (:roles))""";

    private JdbcClient.StatementSpec visible(String sql, Reader r) {
        return jdbc.sql(sql).param("me", r.username()).param("org", r.handlerOrg() == null ? "" : r.handlerOrg())
                .param("roles", r.roles().isEmpty() ? List.of("") : r.roles());
    }

    List<Notification> of(Reader r, int offset, int limit) {
        return visible("""
                SELECT n.*, (SELECT COUNT(*) FROM notification_read x
                             WHERE x.notification_id = n.id AND x.username = :me) AS is_read
                FROM notification n WHERE""" + VISIBLE + """
                 ORDER BY n.id DESC LIMIT :limit OFFSET :offset""", r)
                .param("offset", offset).param("limit", limit).query(Notifications::row).list();
    }

    Optional<Notification> find(Reader r, long id) {
        return visible("""
                SELECT n.*, (SELECT COUNT(*) FROM notification_read x
                             WHERE x.notification_id = n.id AND x.username = :me) AS is_read
                FROM notification n WHERE n.id = :id AND""" + VISIBLE, r).param("id", id)
                .query(Notifications::row).optional();
    }

    private static Notification row(ResultSet rs, int row) throws SQLException {
        return new Notification(rs.getLong("id"), rs.getString("kind"),
                rs.getObject("matter_id", Long.class), rs.getObject("case_id", Long.class),
                rs.getString("title"), rs.getString("org_code"),
                rs.getObject("due_date", LocalDate.class), rs.getString("detail"), rs.getString("message"), rs.getString("link"),
                rs.getLong("is_read") > 0, rs.getObject("created_at", OffsetDateTime.class));
    }

    long count(Reader r) {
        return visible("SELECT COUNT(*) FROM notification n WHERE" + VISIBLE, r).query(Long.class).single();
    }

    long unread(Reader r) {
        return visible("""
                SELECT COUNT(*) FROM notification n WHERE""" + VISIBLE + """
                 AND NOT EXISTS (SELECT 1 FROM notification_read x WHERE x.notification_id = n.id AND x.username = :me)""",
                r).query(Long.class).single();
    }

    /** Marks one notification read by the reader, if the reader sees it; reading it twice changes nothing. */
    @Transactional
    void markRead(Reader r, long id) {
        visible("""
                INSERT INTO notification_read (notification_id, username, read_at)
                SELECT n.id, :me, :now FROM notification n WHERE n.id = :id AND""" + VISIBLE + """
                 AND NOT EXISTS (SELECT 1 FROM notification_read x WHERE x.notification_id = n.id AND x.username = :me)""",
                r).param("id", id).param("now", OffsetDateTime.now(clock)).update();
    }

    @Transactional
    void markAllRead(Reader r) {
        visible("""
                INSERT INTO notification_read (notification_id, username, read_at)
                SELECT n.id, :me, :now FROM notification n WHERE""" + VISIBLE + """
                 AND NOT EXISTS (SELECT 1 FROM notification_read x WHERE x.notification_id = n.id AND x.username = :me)""",
                r).param("now", OffsetDateTime.now(clock)).update();
    }
}
