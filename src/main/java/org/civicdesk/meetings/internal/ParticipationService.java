package org.civicdesk.meetings.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.civicdesk.audit.AuditTrail;
import org.civicdesk.directory.AccountSummary;
import org.civicdesk.directory.Directory;
import org.civicdesk.directory.OrgSummary;
import org.civicdesk.directory.PersonSummary;
import org.civicdesk.meetings.ParticipantCommand;
import org.civicdesk.meetings.ParticipationEvent;
import org.civicdesk.meetings.internal.Commands.AttendanceCommand;
import org.civicdesk.meetings.internal.Commands.InvitationCommand;
import org.civicdesk.meetings.internal.Commands.RegistrationCommand;
import org.civicdesk.meetings.internal.Views.MeetingView;
import org.civicdesk.meetings.internal.Views.MyMeeting;
import org.civicdesk.meetings.internal.Views.ParticipantView;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.web.ListFilter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is at a meeting: invitations (邀请), self-registration (报名) with approval and a waiting list
 * (候补), people the organiser records by role, and check-in (签到). Every change that depends on
 * the meeting's seats first locks the meeting's row, so concurrent registrations never put more
 * people in seats than the meeting has.
 */
@Service
@Transactional(readOnly = true)
class ParticipationService {

    /** Registration codes avoid characters that are easy to misread when typed at the door (0/O, 1/I). */
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int CODE_LENGTH = 8;
    /** Lists show who presides first, then members, those sitting in, speakers and guests, as the paper does. */
    private static final String ROLE_ORDER = "CASE role WHEN 'HOST' THEN 0 WHEN 'ATTENDS' THEN 1 WHEN 'SITS_IN' THEN 2 "
            + "WHEN 'SPEAKER' THEN 3 ELSE 4 END";

    private final JdbcClient jdbc;
    private final MeetingService meetings;
    private final Directory directory;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MeetingsSettings settings;
    private final SecureRandom random = new SecureRandom();

    ParticipationService(JdbcClient jdbc, MeetingService meetings, Directory directory, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock, MeetingsSettings settings) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.directory = directory;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    /** The outcome of a request that may create a record or find it made already. */
    record Outcome(ParticipantView participant, boolean created) {
    }

    // --- reading

    /** Everyone at the meeting, for its organisers; nobody's registration code is in it. */
    List<ParticipantView> participants(long meetingId) {
        meetings.meetingView(meetingId);
        return jdbc.sql("SELECT * FROM participant WHERE meeting_id = :m ORDER BY " + ROLE_ORDER + ", id")
                .param("m", meetingId).query(this::withoutCode).list();
    }

    /** A page of the meeting's people that the criteria select, in the order of {@link #participants(long)}. */
    List<ParticipantView> participants(long meetingId, ParticipantFilter.Criteria criteria, long offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("SELECT * FROM participant" + where(meetingId, criteria, params) + " ORDER BY " + ROLE_ORDER
                + ", id LIMIT :limit OFFSET :offset").params(params).param("limit", limit).param("offset", offset)
                .query(this::withoutCode).list();
    }

    long countParticipants(long meetingId, ParticipantFilter.Criteria criteria) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("SELECT COUNT(*) FROM participant" + where(meetingId, criteria, params)).params(params)
                .query(Long.class).single();
    }

    private static String where(long meetingId, ParticipantFilter.Criteria c, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE meeting_id = :m");
        params.put("m", meetingId);
        if (c.role() != null) {
            where.append(" AND role = :role");
            params.put("role", c.role().name());
        }
        if (c.invitation() != null) {
            where.append(" AND invitation = :invitation");
            params.put("invitation", c.invitation().name());
        }
        if (c.registration() != null) {
            where.append(" AND registration = :registration");
            params.put("registration", c.registration().name());
        }
        if (c.arrival() != null) {
            where.append(c.arrival() == ParticipantFilter.Arrival.ARRIVED ? " AND attended_at IS NOT NULL"
                    : " AND attended_at IS NULL");
        }
        if (c.text() != null) {
            where.append(" AND (LOWER(name) LIKE :text OR LOWER(affiliation) LIKE :text)");
            params.put("text", ListFilter.like(c.text()));
        }
        return where.toString();
    }

    /** Who attended a published or closed meeting, as the public record names them. */
    List<ParticipantView> attended(long meetingId) {
        return jdbc.sql("SELECT * FROM participant WHERE meeting_id = :m AND attended_at IS NOT NULL ORDER BY "
                + ROLE_ORDER + ", id").param("m", meetingId).query(this::withoutCode).list().stream()
                .map(p -> new ParticipantView(p.id(), p.meetingId(), p.name(), p.affiliation(), null, p.personId(), p.role(),
                        p.kind(), p.note(), null, null, null, p.attendedAt(), null))
                .toList();
    }

    /** The caller's own place at the meeting, with its registration code. */
    ParticipantView mine(long meetingId) {
        meetings.meetingView(meetingId);
        return byUsername(meetingId, Actor.require().username())
                .orElseThrow(() -> Problems.notFound("registration", meetingId));
    }

    /**
     * The caller's own code, to show at the door: only once its place is confirmed, since a code
     * awaiting approval, on the waiting list or declined admits nobody.
     */
    ParticipantView admittingCode(long meetingId) {
        ParticipantView me = mine(meetingId);
        refuseIfNotConfirmed(me);
        return me;
    }

    /**
     * 应到与实到 — who is expected at the meeting and who has arrived, for its organisers.
     *
     * @param expected confirmed places: accepted invitations and confirmed registrations (an invitation
     *        not yet answered, a registration awaiting approval or on the waiting list is not expected yet)
     * @param arrived everyone checked in, whether expected or let in at the door
     * @param expectedArrived those of the expected who have arrived
     */
    record Turnout(long expected, long arrived, long expectedArrived) {

        public long missing() {
            return expected - expectedArrived;
        }

        public long walkIns() {
            return arrived - expectedArrived;
        }
    }

    Turnout turnout(List<ParticipantView> participants) {
        long expected = participants.stream().filter(ParticipantView::confirmed).count();
        long arrived = participants.stream().filter(p -> p.attendedAt() != null).count();
        long expectedArrived = participants.stream().filter(p -> p.confirmed() && p.attendedAt() != null).count();
        return new Turnout(expected, arrived, expectedArrived);
    }

    Duration checkInOpensBefore() {
        return settings.checkInOpensBefore();
    }

    /** A registration the caller made, with its code, as a repeat of the request answers with it. */
    ParticipantView registration(long participantId) {
        return byId(participantId);
    }

    /** Every meeting the caller is invited to or registered for, latest first. */
    List<MyMeeting> myMeetings() {
        String username = Actor.require().username();
        return jdbc.sql("""
                SELECT p.* FROM participant p JOIN meeting m ON m.id = p.meeting_id
                WHERE p.username = :u AND m.status <> 'DRAFT' ORDER BY m.starts_at DESC, m.id DESC""")
                .param("u", username).query(this::withCode).list().stream()
                .map(p -> new MyMeeting(meetings.findMeeting(p.meetingId()).orElseThrow(), p)).toList();
    }

    // --- invitations

    @Transactional
    Outcome invite(long meetingId, InvitationCommand cmd) {
        Checks checks = new Checks();
        checks.required("username", cmd.username());
        ParticipantRole role = checks.oneOf("role", cmd.role(), ParticipantRole.class);
        AttendeeKind kind = checks.oneOf("kind", cmd.kind(), AttendeeKind.class);
        checks.throwIfAny();
        MeetingView meeting = meetings.lock(meetingId);
        AccountSummary account = account(cmd.username().trim());
        MeetingService.refuseIfClosed(meeting);
        Optional<ParticipantView> existing = byUsername(meetingId, account.username());
        if (existing.isPresent() && (existing.get().invitation() == InvitationStatus.SENT
                || existing.get().invitation() == InvitationStatus.ACCEPTED)) {
            return new Outcome(existing.get().withoutCode(), false);
        }
        if (existing.isEmpty() || !existing.get().holdsSeat()) {
            refuseIfFull(meeting);
        }
        ParticipantRole asRole = role == null ? ParticipantRole.GUEST : role;
        AttendeeKind asKind = kind == null ? AttendeeKind.OTHER : kind;
        ParticipantView invited;
        if (existing.isPresent()) {
            ParticipantView before = existing.get();
            jdbc.sql("""
                    UPDATE participant SET invitation = 'SENT', role = :role, attendee_kind = :kind,
                           registration = CASE WHEN registration = 'WAITLISTED' THEN NULL ELSE registration END,
                           updated_at = :now WHERE id = :id""")
                    .param("role", asRole.name()).param("kind", asKind.name()).param("now", now())
                    .param("id", before.id()).update();
            invited = byId(before.id());
            audit.record("invitation.sent", "participant", Long.toString(before.id()), before, invited);
        } else {
            long id = insert(meetingId, account.username(), null, account.displayName(), affiliation(account.orgCode()),
                    asRole, asKind, null, InvitationStatus.SENT, null, null);
            invited = byId(id);
            audit.record("invitation.sent", "participant", Long.toString(id), null, invited);
        }
        events.publishEvent(new ParticipationEvent.Invited(meetingId, invited.id()));
        return new Outcome(invited.withoutCode(), true);
    }

    /** The caller accepts its invitation; accepting again changes nothing. */
    @Transactional
    ParticipantView accept(long meetingId) {
        return answer(meetingId, InvitationStatus.ACCEPTED, "invitation.accepted");
    }

    /** The caller declines its invitation, which frees its seat for the first on the waiting list. */
    @Transactional
    ParticipantView decline(long meetingId) {
        return answer(meetingId, InvitationStatus.DECLINED, "invitation.declined");
    }

    /** Accepting takes a seat again if the caller had declined; declining frees one. */
    private ParticipantView answer(long meetingId, InvitationStatus answer, String action) {
        MeetingView meeting = meetings.lock(meetingId);
        ParticipantView before = invitationOfCaller(meetingId);
        MeetingService.refuseIfClosed(meeting);
        if (before.invitation() == answer) {
            return before;
        }
        if (answer == InvitationStatus.ACCEPTED && !before.holdsSeat()) {
            refuseIfFull(meeting);
        }
        ParticipantView after = changeInvitation(before, answer, action);
        if (answer == InvitationStatus.DECLINED) {
            promote(meeting);
        }
        return after;
    }

    private ParticipantView invitationOfCaller(long meetingId) {
        return byUsername(meetingId, Actor.require().username()).filter(p -> p.invitation() != null)
                .orElseThrow(() -> Problems.notFound("invitation", meetingId));
    }

    private ParticipantView changeInvitation(ParticipantView before, InvitationStatus status, String action) {
        jdbc.sql("UPDATE participant SET invitation = :s, updated_at = :now WHERE id = :id").param("s", status.name())
                .param("now", now()).param("id", before.id()).update();
        ParticipantView after = byId(before.id());
        audit.record(action, "participant", Long.toString(before.id()), before, after);
        events.publishEvent(status == InvitationStatus.ACCEPTED
                ? new ParticipationEvent.InvitationAccepted(before.meetingId(), before.id())
                : new ParticipationEvent.InvitationDeclined(before.meetingId(), before.id()));
        return after;
    }

    // --- self-registration

    /**
     * The caller registers itself. Registering again, or when already invited, returns the place it
     * has and counts once. A meeting that does not take registrations refuses with
     * {@code REGISTRATION_CLOSED}; a full one with {@code MEETING_FULL}, unless the caller asked to
     * wait for a seat.
     */
    @Transactional
    Outcome register(long meetingId, RegistrationCommand cmd) {
        Checks checks = new Checks();
        AttendeeKind kind = checks.oneOf("kind", cmd.kind(), AttendeeKind.class);
        checks.throwIfAny();
        Actor actor = Actor.require();
        MeetingView meeting = meetings.lock(meetingId);
        Optional<ParticipantView> existing = byUsername(meetingId, actor.username());
        if (existing.isPresent()) {
            ParticipantView p = existing.get();
            if (p.invitation() == InvitationStatus.SENT && meeting.status() == MeetingStatus.PUBLISHED) {
                return new Outcome(changeInvitation(p, InvitationStatus.ACCEPTED, "invitation.accepted"), false);
            }
            boolean freshStart = p.invitation() == InvitationStatus.DECLINED
                    || p.registration() == RegistrationStatus.CANCELLED;
            if (!freshStart || p.holdsSeat()) {
                return new Outcome(p, false);
            }
        }
        if (!meeting.registrationOpen()) {
            throw Problems.conflict("REGISTRATION_CLOSED", "problem.registrationClosed", meeting.title());
        }
        RegistrationStatus status;
        if (meeting.full()) {
            if (!Boolean.TRUE.equals(cmd.waitlist())) {
                throw Problems.conflict("MEETING_FULL", "problem.meetingFull", meeting.title(), meeting.capacity());
            }
            status = RegistrationStatus.WAITLISTED;
        } else {
            status = approvalRequired(meetingId) ? RegistrationStatus.PENDING : RegistrationStatus.CONFIRMED;
        }
        AttendeeKind asKind = kind == null ? AttendeeKind.OTHER : kind;
        if (existing.isPresent()) {
            ParticipantView before = existing.get();
            jdbc.sql("""
                    UPDATE participant SET registration = :s, registered_at = :now, attendee_kind = :kind,
                           updated_at = :now WHERE id = :id""")
                    .param("s", status.name()).param("kind", asKind.name()).param("now", now())
                    .param("id", before.id()).update();
            ParticipantView after = byId(before.id());
            audit.record("registration.created", "participant", Long.toString(before.id()), before, after);
            events.publishEvent(new ParticipationEvent.Registered(meetingId, before.id(), status.name()));
            return new Outcome(after, true);
        }
        long id = insert(meetingId, actor.username(), null, actor.displayName(), affiliation(actor.orgCode()),
                ParticipantRole.ATTENDS, asKind, null, null, status, now());
        ParticipantView created = byId(id);
        audit.record("registration.created", "participant", Long.toString(id), null, created);
        events.publishEvent(new ParticipationEvent.Registered(meetingId, id, status.name()));
        return new Outcome(created, true);
    }

    /** The caller withdraws: its registration is cancelled, its invitation declined, and its seat moves on. */
    @Transactional
    ParticipantView cancel(long meetingId) {
        MeetingView meeting = meetings.lock(meetingId);
        ParticipantView before = byUsername(meetingId, Actor.require().username())
                .filter(p -> p.holdsSeat() || p.registration() == RegistrationStatus.WAITLISTED)
                .orElseThrow(() -> Problems.notFound("registration", meetingId));
        MeetingService.refuseIfClosed(meeting);
        jdbc.sql("""
                UPDATE participant SET
                       registration = CASE WHEN registration IS NULL THEN NULL ELSE 'CANCELLED' END,
                       invitation = CASE WHEN invitation IS NULL THEN NULL ELSE 'DECLINED' END,
                       updated_at = :now WHERE id = :id""").param("now", now()).param("id", before.id()).update();
        ParticipantView after = byId(before.id());
        audit.record("registration.cancelled", "participant", Long.toString(before.id()), before, after);
        events.publishEvent(new ParticipationEvent.Withdrew(meetingId, before.id()));
        promote(meeting);
        return after;
    }

    /** The organiser approves a pending registration (series that ask for approval). */
    @Transactional
    ParticipantView approve(long meetingId, String username) {
        return decide(meetingId, username, RegistrationStatus.CONFIRMED, "registration.approved");
    }

    /** The organiser rejects a pending registration, which frees its seat. */
    @Transactional
    ParticipantView reject(long meetingId, String username) {
        return decide(meetingId, username, RegistrationStatus.REJECTED, "registration.rejected");
    }

    private ParticipantView decide(long meetingId, String username, RegistrationStatus to, String action) {
        MeetingView meeting = meetings.lock(meetingId);
        ParticipantView before = byUsername(meetingId, username).filter(p -> p.registration() != null)
                .orElseThrow(() -> Problems.notFound("registration", username));
        MeetingService.refuseIfClosed(meeting);
        if (before.registration() != RegistrationStatus.PENDING) {
            throw Problems.conflict(Problems.INVALID_TRANSITION, "problem.registrationTransition",
                    Problems.term("registration.", before.registration()), Problems.term("registration.", to));
        }
        jdbc.sql("UPDATE participant SET registration = :s, updated_at = :now WHERE id = :id").param("s", to.name())
                .param("now", now()).param("id", before.id()).update();
        ParticipantView after = byId(before.id());
        audit.record(action, "participant", Long.toString(before.id()), before, after);
        events.publishEvent(to == RegistrationStatus.CONFIRMED
                ? new ParticipationEvent.RegistrationApproved(meetingId, before.id())
                : new ParticipationEvent.RegistrationRejected(meetingId, before.id()));
        if (to == RegistrationStatus.REJECTED) {
            promote(meeting);
        }
        return after.withoutCode();
    }

    /**
     * Moves the earliest on the waiting list into the seats that are free, in registration order.
     * Runs under the meeting's lock, in the transaction that freed the seat.
     */
    private void promote(MeetingView meeting) {
        if (meeting.capacity() == null) {
            return;
        }
        RegistrationStatus to = approvalRequired(meeting.id()) ? RegistrationStatus.PENDING
                : RegistrationStatus.CONFIRMED;
        long free = meeting.capacity() - seats(meeting.id());
        List<Long> next = jdbc.sql("""
                SELECT id FROM participant WHERE meeting_id = :m AND registration = 'WAITLISTED'
                ORDER BY registered_at, id LIMIT :n""").param("m", meeting.id()).param("n", Math.max(free, 0))
                .query(Long.class).list();
        for (long id : next) {
            ParticipantView before = byId(id);
            jdbc.sql("UPDATE participant SET registration = :s, updated_at = :now WHERE id = :id")
                    .param("s", to.name()).param("now", now()).param("id", id).update();
            audit.record("registration.promoted", "participant", Long.toString(id), before, byId(id));
            events.publishEvent(new ParticipationEvent.MovedUpFromWaitingList(meeting.id(), id, to.name()));
        }
    }

    // --- recorded by the organiser

    /** Records someone at the meeting in a role: a member attending, an official sitting in, a speaker. */
    @Transactional
    ParticipantView record(long meetingId, ParticipantCommand cmd) {
        Checks checks = new Checks();
        boolean byPerson = cmd.personId() != null;
        boolean byAccount = cmd.username() != null && !cmd.username().isBlank();
        checks.check(byPerson || byAccount, "personId", "validation.personOrUsername");
        checks.check(!(byPerson && byAccount), "username", "validation.personOrUsername");
        checks.required("role", cmd.role());
        ParticipantRole role = checks.oneOf("role", cmd.role(), ParticipantRole.class);
        AttendeeKind kind = checks.oneOf("kind", cmd.kind(), AttendeeKind.class);
        checks.maxLength("note", cmd.note(), 200);
        checks.throwIfAny();
        MeetingView meeting = meetings.lock(meetingId);
        String name;
        String affiliation;
        String username = null;
        if (byPerson) {
            PersonSummary person = directory.findPerson(cmd.personId())
                    .orElseThrow(() -> Problems.notFoundIn("personId", "person", cmd.personId()));
            name = person.name();
            affiliation = joinAffiliation(person.orgName(), person.titles());
        } else {
            AccountSummary account = account(cmd.username().trim());
            username = account.username();
            name = account.displayName();
            affiliation = affiliation(account.orgCode());
        }
        MeetingService.refuseIfClosed(meeting);
        boolean attended = Boolean.TRUE.equals(cmd.attended());
        if (attended) {
            refuseIfDraft(meeting);
        }
        boolean taken = byPerson ? byPerson(meetingId, cmd.personId()).isPresent()
                : byUsername(meetingId, username).isPresent();
        if (taken) {
            throw Problems.duplicate(byPerson ? "personId" : "username", byPerson ? cmd.personId() : username);
        }
        long id = insert(meetingId, username, cmd.personId(), name, affiliation, role,
                kind == null ? AttendeeKind.OTHER : kind, MeetingService.blankToNull(cmd.note()),
                Boolean.TRUE.equals(cmd.invited()) ? InvitationStatus.ACCEPTED : null, null, null);
        if (attended) {
            jdbc.sql("UPDATE participant SET attended_at = :at WHERE id = :id").param("at", meeting.startsAt())
                    .param("id", id).update();
        }
        ParticipantView created = byId(id);
        audit.record("participant.recorded", "participant", Long.toString(id), null, created);
        events.publishEvent(new ParticipationEvent.Recorded(meetingId, id, attended));
        return created.withoutCode();
    }

    // --- check-in

    /**
     * 签到 — records that someone arrived, by the code on their registration or by username. Someone
     * who is on no list may still be let in by the organiser at the door; checking in twice
     * changes nothing.
     */
    @Transactional
    Outcome checkIn(long meetingId, AttendanceCommand cmd) {
        boolean byCode = cmd.code() != null && !cmd.code().isBlank();
        boolean byUsername = cmd.username() != null && !cmd.username().isBlank();
        Checks checks = new Checks();
        checks.check(byCode || byUsername, "username", "validation.codeOrUsername");
        checks.throwIfAny();
        MeetingView meeting = meetings.lock(meetingId);
        ParticipantView before;
        if (byCode) {
            String code = cmd.code().trim().toUpperCase(Locale.ROOT);
            before = jdbc.sql("SELECT * FROM participant WHERE meeting_id = :m AND code = :c").param("m", meetingId)
                    .param("c", code).query(this::withoutCode).optional()
                    .orElseThrow(() -> Problems.notFoundIn("code", "registration code", code));
            if (before.attendedAt() == null) {
                refuseIfNotConfirmed(before);
            }
        } else {
            AccountSummary account = account(cmd.username().trim());
            before = byUsername(meetingId, account.username()).orElse(null);
            if (before == null) {
                MeetingService.refuseIfClosed(meeting);
                refuseIfDraft(meeting);
                long id = insert(meetingId, account.username(), null, account.displayName(),
                        affiliation(account.orgCode()), ParticipantRole.ATTENDS, AttendeeKind.OTHER, null, null, null,
                        null);
                before = byId(id);
                audit.record("participant.walkedIn", "participant", Long.toString(id), null, before);
            }
        }
        if (before.attendedAt() != null) {
            return new Outcome(before.withoutCode(), false);
        }
        MeetingService.refuseIfClosed(meeting);
        refuseIfDraft(meeting);
        if (byCode) {
            refuseIfTooEarly(meeting);
        }
        jdbc.sql("UPDATE participant SET attended_at = :now, updated_at = :now WHERE id = :id").param("now", now())
                .param("id", before.id()).update();
        ParticipantView after = byId(before.id());
        audit.record("attendance.recorded", "participant", Long.toString(before.id()), before, after);
        events.publishEvent(new ParticipationEvent.CheckedIn(meetingId, before.id()));
        return new Outcome(after.withoutCode(), true);
    }

    private static void refuseIfDraft(MeetingView meeting) {
        if (meeting.status() == MeetingStatus.DRAFT) {
            throw Problems.conflict("MEETING_NOT_PUBLISHED", "problem.meetingNotPublished", meeting.title());
        }
    }

    /**
     * The door opens {@link MeetingsSettings#checkInOpensBefore()} before the start, not earlier, for a
     * code shown at it. An organiser who records a name answers for it and may do so at any time (the
     * API's attendance by username, which other city systems use, keeps its contract).
     */
    private void refuseIfTooEarly(MeetingView meeting) {
        OffsetDateTime opens = meeting.startsAt().minus(settings.checkInOpensBefore());
        if (now().isBefore(opens)) {
            LocalDateTime local = opens.atZoneSameInstant(meetings.zone()).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES);
            throw Problems.conflict("CHECK_IN_NOT_OPEN", "problem.checkInNotOpen", meeting.title(),
                    local.toLocalDate() + " " + local.toLocalTime());
        }
    }

    private static void refuseIfNotConfirmed(ParticipantView participant) {
        if (!participant.confirmed()) {
            throw Problems.conflict("REGISTRATION_NOT_CONFIRMED", "problem.registrationNotConfirmed");
        }
    }

    // --- helpers

    private void refuseIfFull(MeetingView meeting) {
        if (meeting.capacity() != null && seats(meeting.id()) >= meeting.capacity()) {
            throw Problems.conflict("MEETING_FULL", "problem.meetingFull", meeting.title(), meeting.capacity());
        }
    }

    private long seats(long meetingId) {
        return jdbc.sql("SELECT COUNT(*) FROM participant p WHERE p.meeting_id = :m AND " + MeetingService.HOLDS_SEAT)
                .param("m", meetingId).query(Long.class).single();
    }

    private boolean approvalRequired(long meetingId) {
        return jdbc.sql("""
                SELECT s.approval_required FROM meeting m JOIN meeting_series s ON s.id = m.series_id
                WHERE m.id = :m""").param("m", meetingId).query(Boolean.class).single();
    }

    private AccountSummary account(String username) {
        return directory.findAccount(username).orElseThrow(() -> Problems.notFoundIn("username", "account", username));
    }

    private String affiliation(String orgCode) {
        return directory.findOrg(orgCode).map(OrgSummary::name).orElse(null);
    }

    private static String joinAffiliation(String orgName, String titles) {
        String joined = ((orgName == null ? "" : orgName) + " " + (titles == null ? "" : titles)).trim();
        return joined.isEmpty() ? null : joined.substring(0, Math.min(joined.length(), 300));
    }

    private long insert(long meetingId, String username, Long personId, String name, String affiliation,
            ParticipantRole role, AttendeeKind kind, String note, InvitationStatus invitation,
            RegistrationStatus registration, OffsetDateTime registeredAt) {
        OffsetDateTime now = now();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO participant (meeting_id, username, person_id, name, affiliation, role, attendee_kind, note,
                                         invitation, registration, registered_at, code, created_at, updated_at)
                VALUES (:m, :u, :p, :name, :affiliation, :role, :kind, :note, :invitation, :registration,
                        :registeredAt, :code, :now, :now)""")
                .param("m", meetingId).param("u", username).param("p", personId).param("name", name)
                .param("affiliation", affiliation).param("role", role.name()).param("kind", kind.name())
                .param("note", note).param("invitation", invitation == null ? null : invitation.name())
                .param("registration", registration == null ? null : registration.name())
                .param("registeredAt", registeredAt).param("code", newCode()).param("now", now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private String newCode() {
        char[] code = new char[CODE_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)];
        }
        return new String(code);
    }

    private Optional<ParticipantView> byUsername(long meetingId, String username) {
        return jdbc.sql("SELECT * FROM participant WHERE meeting_id = :m AND username = :u").param("m", meetingId)
                .param("u", username).query(this::withCode).optional();
    }

    private Optional<ParticipantView> byPerson(long meetingId, long personId) {
        return jdbc.sql("SELECT * FROM participant WHERE meeting_id = :m AND person_id = :p").param("m", meetingId)
                .param("p", personId).query(this::withCode).optional();
    }

    /** With the code: only for answers to the person themself, and for the audit trail. */
    private ParticipantView byId(long id) {
        return jdbc.sql("SELECT * FROM participant WHERE id = :id").param("id", id).query(this::withCode).single();
    }

    private ParticipantView withCode(ResultSet rs, int row) throws SQLException {
        return participant(rs, rs.getString("code"));
    }

    private ParticipantView withoutCode(ResultSet rs, int row) throws SQLException {
        return participant(rs, null);
    }

    private ParticipantView participant(ResultSet rs, String code) throws SQLException {
        long personId = rs.getLong("person_id");
        Long person = rs.wasNull() ? null : personId;
        String invitation = rs.getString("invitation");
        String registration = rs.getString("registration");
        return new ParticipantView(rs.getLong("id"), rs.getLong("meeting_id"), rs.getString("name"), rs.getString("affiliation"),
                rs.getString("username"), person, ParticipantRole.valueOf(rs.getString("role")),
                AttendeeKind.valueOf(rs.getString("attendee_kind")), rs.getString("note"),
                invitation == null ? null : InvitationStatus.valueOf(invitation),
                registration == null ? null : RegistrationStatus.valueOf(registration),
                meetings.local(rs, "registered_at"), meetings.local(rs, "attended_at"), code);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
