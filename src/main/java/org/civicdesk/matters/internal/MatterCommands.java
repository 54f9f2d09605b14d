package org.civicdesk.matters.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

import org.civicdesk.audit.AuditTrail;
import org.civicdesk.directory.AccountSummary;
import org.civicdesk.directory.Directory;
import org.civicdesk.matters.CaseId;
import org.civicdesk.matters.MatterEvent;
import org.civicdesk.matters.MatterId;
import org.civicdesk.matters.MatterStatus;
import org.civicdesk.matters.MatterType;
import org.civicdesk.matters.Matters;
import org.civicdesk.meetings.MeetingRef;
import org.civicdesk.meetings.Meetings;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every command on a matter the same way: check the fields, load the matter, let it decide the
 * transition, save it whole, publish what it recorded. A command that another change of the same
 * matter overtook (the save found the version moved) runs again on the matter as it is now, where it
 * may well be refused; nothing of a refused command is kept.
 */
@Service
class MatterCommands implements Matters {

    private static final int ATTEMPTS = 3;

    private final MatterRepository repo;
    private final Deadlines rules;
    private final Directory directory;
    private final ObjectProvider<Meetings> meetings;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final MatterReads reads;
    private final JdbcClient jdbc;
    private final CosignInvitations invitations;

    MatterCommands(MatterRepository repo, Deadlines rules, Directory directory, ObjectProvider<Meetings> meetings,
            AuditTrail audit, ApplicationEventPublisher events, TransactionTemplate tx, MatterReads reads,
            JdbcClient jdbc, CosignInvitations invitations) {
        this.invitations = invitations;
        this.repo = repo;
        this.rules = rules;
        this.directory = directory;
        this.meetings = meetings;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.reads = reads;
        this.jdbc = jdbc;
    }

    // --- intake

    @Override
    public MatterId raise(Raise cmd) {
        return raise(Actor.require(), cmd, false);
    }

    @Override
    public MatterId raiseExample(Raise cmd) {
        return raise(Actor.require(), cmd, true);
    }

    /** Raised by this actor, who need not be signed in: an anonymous report ({@link AnonymousAppeals}). */
    MatterId raise(Actor actor, Raise cmd, boolean example) {
        String named = blank(cmd.raiser());
        Matter.requireMayRaise(actor, named);
        Checks checks = new Checks();
        checks.required("type", cmd.type());
        MatterType type = checks.oneOf("type", cmd.type(), MatterType.class);
        checks.required("title", cmd.title()).maxLength("title", cmd.title(), 200);
        checks.required("content", cmd.content()).maxLength("content", cmd.content(), 20000);
        checks.maxLength("category", cmd.category(), 50).maxLength("district", cmd.district(), 100);
        checks.maxLength("privacyNotice", cmd.privacyNotice(), 20);
        checkLocation(checks, cmd);
        Channel channel = checks.oneOf("channel", cmd.channel(), Channel.class);
        String raiser = named;
        if (raiser == null) {
            if (actor.has(Role.RAISER)) {
                raiser = actor.username();
            } else {
                checks.add("raiser", "validation.required");
            }
        } else {
            // Staff raise on behalf of people who raise matters, never of another official.
            Optional<AccountSummary> account = directory.findAccount(raiser);
            if (account.isEmpty()) {
                checks.add("raiser", "validation.unknownAccount", raiser);
            } else if (!account.get().enabled() || !account.get().roles().contains(Role.RAISER)) {
                checks.add("raiser", "matters.validation.raiserNotRaiser", raiser);
            }
        }
        String series = blank(cmd.series());
        if (cmd.meetingId() != null) {
            MeetingRef meeting = meetings().meeting(cmd.meetingId()).orElse(null);
            if (meeting == null) {
                checks.add("meetingId", "validation.unknownMeeting", cmd.meetingId());
            } else if (series != null && !series.equals(meeting.seriesSlug())) {
                checks.add("series", "validation.seriesMismatch", meeting.seriesSlug());
            } else {
                series = meeting.seriesSlug();
            }
        }
        if (series != null && cmd.meetingId() == null && meetings().series(series).isEmpty()) {
            checks.add("series", "validation.unknownSeries", series);
        }
        // Whoever is named is invited, account or not, so that raising tells nobody who has an account.
        Set<String> invited = new LinkedHashSet<>();
        List<String> named2 = cmd.cosigners() == null ? List.of() : cmd.cosigners();
        for (int i = 0; i < named2.size(); i++) {
            String c = blank(named2.get(i));
            checks.check(c != null, "cosigners[" + i + "]", "validation.required");
            checks.maxLength("cosigners[" + i + "]", c, 64);
            if (c != null && c.length() <= 64 && !c.equals(raiser)) {
                invited.add(c);
            }
        }
        checks.throwIfAny();
        if (channel == null) {
            channel = cmd.meetingId() != null ? Channel.MEETING
                    : series != null && (type == MatterType.SUGGESTION || type == MatterType.PROPOSAL) ? Channel.SESSION
                            : Channel.WEB;
        }
        Matter.Facts facts = new Matter.Facts(type, cmd.title().trim(), cmd.content().trim(), blank(cmd.category()),
                blank(cmd.district()), raiser, raiser.equals(actor.username()) ? null : actor.username(), series,
                cmd.meetingId(), channel, Boolean.TRUE.equals(cmd.urgent()), Boolean.TRUE.equals(cmd.confidential()),
                example, rules.now());
        return inTransaction(() -> {
            Matter m = Matter.raise(actor, facts, Set.of());
            save(m, actor);
            invitations.invite(m.id(), invited, actor.username(), facts.raisedAt());
            // Staff entering a matter for somebody were not the one who read the notice.
            if (blank(cmd.privacyNotice()) != null && facts.enteredBy() == null) {
                jdbc.sql("UPDATE matter SET privacy_notice_version = :v WHERE id = :id")
                        .param("v", cmd.privacyNotice().strip()).param("id", m.id().value()).update();
            }
            if (cmd.lat() != null || blank(cmd.address()) != null) {
                jdbc.sql("UPDATE matter SET lat = :lat, lon = :lon, address = :address WHERE id = :id")
                        .param("lat", micro(cmd.lat())).param("lon", micro(cmd.lon())).param("address", blank(cmd.address()))
                        .param("id", m.id().value()).update();
            }
            return m.id();
        });
    }

    private static final BigDecimal NINETY = BigDecimal.valueOf(90);
    private static final BigDecimal ONE_EIGHTY = BigDecimal.valueOf(180);

    /** Degrees within range and given as a pair; the address as long as a column holds. */
    private static void checkLocation(Checks checks, Raise cmd) {
        if (cmd.lat() == null && cmd.lon() != null) {
            checks.add("lat", "validation.required");
        } else if (cmd.lon() == null && cmd.lat() != null) {
            checks.add("lon", "validation.required");
        }
        checks.check(cmd.lat() == null || cmd.lat().abs().compareTo(NINETY) <= 0, "lat", "validation.range", -90, 90);
        checks.check(cmd.lon() == null || cmd.lon().abs().compareTo(ONE_EIGHTY) <= 0, "lon", "validation.range", -180,
                180);
        checks.maxLength("address", cmd.address(), 200);
    }

    /** Six places, about 0.1 m, as the column keeps them. */
    private static BigDecimal micro(BigDecimal degrees) {
        return degrees == null ? null : degrees.setScale(6, java.math.RoundingMode.HALF_UP);
    }

    /** 立案 — a proposal is accepted for handling. */
    @Override
    public void accept(MatterId id) {
        act(id, (m, actor) -> m.accept(actor, rules));
    }

    /** 不立案 / 不予受理 — not accepted, with the reason the raiser is told. */
    @Override
    public void reject(MatterId id, Reason cmd) {
        act(id, (m, actor) -> {
            m.require(MatterAction.REJECT, actor, rules);
            new Checks().required("reason", cmd.reason()).maxLength("reason", cmd.reason(), 1000).throwIfAny();
            m.reject(actor, cmd.reason().trim(), rules);
        });
    }

    /**
     * 并案 — merges a matter into an identical one, whose raisers its raisers join. Both matters are
     * loaded and saved in one transaction, each checked against the version it was read at.
     */
    @Override
    public void merge(MatterId id, Merge cmd) {
        act(id, (m, actor) -> {
            m.require(MatterAction.MERGE, actor, rules);
            Checks checks = new Checks().required("into", cmd.into());
            checks.check(cmd.into() == null || cmd.into() != id.value(), "into", "validation.mergeSelf");
            checks.throwIfAny();
            Matter into = repo.load(new MatterId(cmd.into()))
                    .orElseThrow(() -> Problems.invalid("into", "validation.unknownMatter", cmd.into()));
            m.mergeInto(actor, into, rules);
            save(into, actor);
        });
    }

    // --- assignment

    @Override
    public List<CaseId> assign(MatterId id, Assign cmd) {
        return change(id, (m, actor) -> {
            m.require(MatterAction.ASSIGN, actor, rules);
            Checks checks = new Checks();
            List<String> co = trimmed(cmd.co());
            List<String> separate = trimmed(cmd.separate());
            String lead = blank(cmd.lead());
            if (lead == null && separate.isEmpty()) {
                checks.add("lead", "validation.required");
            }
            if (lead != null && !separate.isEmpty()) {
                checks.add("separate", "validation.leadOrSeparate");
            }
            Set<String> seen = new LinkedHashSet<>();
            if (lead != null) {
                checkOrg(checks, "lead", lead, seen);
            }
            for (int i = 0; i < co.size(); i++) {
                checkOrg(checks, "co[" + i + "]", co.get(i), seen);
            }
            for (int i = 0; i < separate.size(); i++) {
                checkOrg(checks, "separate[" + i + "]", separate.get(i), seen);
            }
            checkDueDate(checks, "dueDate", cmd.dueDate(), m.type());
            checks.throwIfAny();
            return m.assign(actor, new Matter.Assignment(lead, co, separate, cmd.dueDate()), rules);
        }).stream().map(Case::id).toList();
    }

    @Override
    public CaseId reassign(CaseId returned, Reassign cmd) {
        return onCase(returned, (m, actor) -> {
            m.require(CaseAction.REASSIGN, m.aCase(returned), actor, rules);
            Checks checks = new Checks();
            String org = blank(cmd.orgCode());
            checks.required("orgCode", org);
            if (org != null) {
                checkOrg(checks, "orgCode", org, new LinkedHashSet<>());
            }
            checkDueDate(checks, "dueDate", cmd.dueDate(), m.type());
            checks.throwIfAny();
            return m.reassign(actor, returned, org, cmd.dueDate(), rules);
        }).id();
    }

    // --- handling by departments

    @Override
    public void sign(CaseId caseId) {
        actOnCase(caseId, (m, actor) -> m.sign(actor, caseId, rules));
    }

    @Override
    public void giveBack(CaseId caseId, Reason cmd) {
        actOnCase(caseId, (m, actor) -> {
            m.require(CaseAction.RETURN, m.aCase(caseId), actor, rules);
            new Checks().required("reason", cmd.reason()).maxLength("reason", cmd.reason(), 1000).throwIfAny();
            m.giveBack(actor, caseId, cmd.reason().trim(), rules);
        });
    }

    @Override
    public void requestExtension(CaseId caseId, Extension cmd) {
        actOnCase(caseId, (m, actor) -> {
            m.require(CaseAction.REQUEST_EXTENSION, m.aCase(caseId), actor, rules);
            new Checks().required("until", cmd.until()).required("reason", cmd.reason())
                    .maxLength("reason", cmd.reason(), 1000).throwIfAny();
            m.requestExtension(actor, caseId, cmd.until(), cmd.reason().trim(), rules);
        });
    }

    @Override
    public void decideExtension(CaseId caseId, Decision cmd) {
        actOnCase(caseId, (m, actor) -> {
            m.require(CaseAction.DECIDE_EXTENSION, m.aCase(caseId), actor, rules);
            new Checks().required("grant", cmd.grant()).maxLength("note", cmd.note(), 1000).throwIfAny();
            m.decideExtension(actor, caseId, cmd.grant(), blank(cmd.note()), rules);
        });
    }

    @Override
    public void contact(CaseId caseId, Contact cmd) {
        actOnCase(caseId, (m, actor) -> {
            m.require(CaseAction.CONTACT, m.aCase(caseId), actor, rules);
            Checks checks = new Checks();
            checks.required("method", cmd.method());
            ContactMethod method = checks.oneOf("method", cmd.method(), ContactMethod.class);
            checks.maxLength("note", cmd.note(), 2000).throwIfAny();
            m.contact(actor, caseId, method, blank(cmd.note()), rules);
        });
    }

    @Override
    public void sendOpinion(CaseId caseId, Text cmd) {
        actOnCase(caseId, (m, actor) -> {
            m.require(CaseAction.OPINION, m.aCase(caseId), actor, rules);
            new Checks().required("text", cmd.text()).maxLength("text", cmd.text(), 20000).throwIfAny();
            m.sendOpinion(actor, caseId, cmd.text().trim(), rules);
        });
    }

    @Override
    public void answer(CaseId caseId, Answer cmd) {
        actOnCase(caseId, (m, actor) -> {
            m.require(CaseAction.ANSWER, m.aCase(caseId), actor, rules);
            Checks checks = new Checks();
            checks.required("category", cmd.category());
            AnswerCategory category = checks.oneOf("category", cmd.category(), AnswerCategory.class);
            if (category != null && !rules.answerCategories().contains(category)) {
                checks.add("category", "validation.oneOf", String.join(", ",
                        rules.answerCategories().stream().map(Enum::name).sorted().toList()));
            }
            checks.required("text", cmd.text()).maxLength("text", cmd.text(), 50000);
            checks.maxLength("signedOffBy", cmd.signedOffBy(), 100).throwIfAny();
            m.answer(actor, caseId, category, cmd.text().trim(), blank(cmd.signedOffBy()), rules);
        });
    }

    @Override
    public void followUp(CaseId caseId, FollowUp cmd) {
        actOnCase(caseId, (m, actor) -> {
            m.require(CaseAction.FOLLOW_UP, m.aCase(caseId), actor, rules);
            new Checks().required("text", cmd.text()).maxLength("text", cmd.text(), 20000).throwIfAny();
            m.followUp(actor, caseId, cmd.text().trim(), Boolean.TRUE.equals(cmd.solved()), rules);
        });
    }

    // --- evaluation, closing and supervision

    @Override
    public MatterStatus rate(MatterId id, Evaluation cmd) {
        return rate(Actor.require(), id, cmd);
    }

    /** Rated by this actor, who need not be signed in: an anonymous report's tracking code ({@link AnonymousAppeals}). */
    MatterStatus rate(Actor rater, MatterId id, Evaluation cmd) {
        return transition(id, rater, (m, actor) -> {
            Checks checks = new Checks();
            checks.required("rating", cmd.rating());
            Rating rating = checks.oneOf("rating", cmd.rating(), Rating.class);
            checks.maxLength("comment", cmd.comment(), 2000).throwIfAny();
            m.rate(actor, rating, blank(cmd.comment()), rules);
            return m.status();
        });
    }

    /**
     * 附议 — the invitee accepts the invitation to co-sign and from then on reads the matter, gets its
     * answer and may rate it. Only a RAISER account accepts; anyone else, and anyone not invited, is
     * told there is no such invitation.
     */
    void acceptCosigning(MatterId id) {
        act(id, (m, actor) -> {
            if (!actor.has(Role.RAISER)
                    || !invitations.answer(id, actor.username(), CosignInvitations.State.ACCEPTED, rules.now())) {
                throw Problems.notFound("invitation", id);
            }
            m.cosign(actor.username());
        });
    }

    /** The invitee declines: the raiser sees so, and the matter stays unreadable to the invitee. */
    void declineCosigning(MatterId id) {
        Actor actor = Actor.require();
        if (!actor.has(Role.RAISER)
                || !invitations.answer(id, actor.username(), CosignInvitations.State.DECLINED, rules.now())) {
            throw Problems.notFound("invitation", id);
        }
    }

    /** The caller's open invitations to co-sign; only a RAISER account has any. */
    List<CosignInvitations.Invitation> cosignInvitations() {
        Actor actor = Actor.require();
        return actor.has(Role.RAISER) ? invitations.of(actor.username()) : List.of();
    }

    /** How many open invitations to co-sign the caller has; only a RAISER account has any. */
    long openCosignInvitations() {
        Actor actor = Actor.require();
        return actor.has(Role.RAISER) ? invitations.openCount(actor.username()) : 0;
    }

    /**
     * The invitations sent for a matter and their answers, for its raiser only: they name whoever
     * the raiser named, and nobody else needs to know who was asked.
     */
    List<CosignInvitations.Sent> sentCosignInvitations(Views.MatterView matter) {
        return Actor.require().username().equals(matter.raiser()) ? invitations.sentFor(new MatterId(matter.id()))
                : List.of();
    }

    @Override
    public void closeUnrated(MatterId id) {
        act(id, (m, actor) -> m.closeUnrated(actor, rules));
    }

    @Override
    public void supervise(MatterId id, Supervise cmd) {
        act(id, (m, actor) -> {
            m.require(MatterAction.SUPERVISE, actor, rules);
            new Checks().required("key", cmd.key()).maxLength("leader", cmd.leader(), 100).throwIfAny();
            m.supervise(actor, cmd.key(), blank(cmd.leader()), rules);
        });
    }

    @Override
    public void remind(CaseId caseId, Text cmd) {
        actOnCase(caseId, (m, actor) -> {
            m.require(CaseAction.REMIND, m.aCase(caseId), actor, rules);
            new Checks().maxLength("text", cmd.text(), 2000).throwIfAny();
            m.remind(actor, caseId, blank(cmd.text()), rules);
        });
    }

    @Override
    public void setSeriesDeadline(String series, LocalDate dueDate) {
        Actor actor = Actor.require();
        if (!Matter.isStaff(actor)) {
            throw Problems.forbidden();
        }
        new Checks().required("dueDate", dueDate).withinBounds("dueDate", dueDate).throwIfAny();
        inTransaction(() -> {
            LocalDate before = rules.seriesDeadline(series).orElse(null);
            jdbc.sql("DELETE FROM series_deadline WHERE series_slug = :s").param("s", series).update();
            jdbc.sql("INSERT INTO series_deadline (series_slug, due_date) VALUES (:s, :d)").param("s", series)
                    .param("d", dueDate).update();
            audit.record("matters.seriesDeadlineSet", "series_deadline", series,
                    before == null ? null : Map.of("dueDate", before), Map.of("dueDate", dueDate));
            return null;
        });
    }

    /**
     * The deadline watch's alert on one case, as the system, once per case and due date: the claim on
     * {@code case_alert} and the matter's change commit together.
     */
    void alert(MatterId id, CaseId caseId, LocalDate dueDate, boolean overdue, String note) {
        transition(id, Actor.system(), (m, actor) -> {
            int claimed = jdbc.sql("""
                    INSERT INTO case_alert (case_id, due_date, kind, created_at) VALUES (:c, :d, :k, :at)
                    ON CONFLICT DO NOTHING""").param("c", caseId.value()).param("d", dueDate)
                    .param("k", overdue ? "OVERDUE" : "DUE_SOON").param("at", rules.now()).update();
            if (claimed == 1) {
                m.alert(caseId, overdue, note, rules);
            }
            return null;
        });
    }

    // --- how every command runs

    private <T> T change(MatterId id, BiFunction<Matter, Actor, T> transition) {
        return transition(id, Actor.require(), transition);
    }

    private void act(MatterId id, BiConsumer<Matter, Actor> transition) {
        transition(id, Actor.require(), (m, actor) -> {
            transition.accept(m, actor);
            return null;
        });
    }

    private <T> T onCase(CaseId caseId, BiFunction<Matter, Actor, T> transition) {
        MatterId id = repo.matterOf(caseId).orElseThrow(() -> Problems.notFound("case", caseId));
        return change(id, transition);
    }

    private void actOnCase(CaseId caseId, BiConsumer<Matter, Actor> transition) {
        onCase(caseId, (m, actor) -> {
            transition.accept(m, actor);
            return null;
        });
    }

    /**
     * Loads the matter, applies the transition and saves it, in one transaction; runs it again on the
     * matter as it is now if another change overtook it. Inside a caller's transaction there is no
     * second try: the caller's transaction is the unit that fails.
     */
    private <T> T transition(MatterId id, Actor actor, BiFunction<Matter, Actor, T> transition) {
        boolean retryable = !TransactionSynchronizationManager.isActualTransactionActive();
        for (int attempt = 1;; attempt++) {
            try {
                return inTransaction(() -> {
                    Matter m = repo.load(id).orElseThrow(() -> Problems.notFound("matter", id));
                    T result = transition.apply(m, actor);
                    save(m, actor);
                    return result;
                });
            } catch (ConcurrencyFailureException overtaken) {
                if (!retryable || attempt == ATTEMPTS) {
                    throw overtaken;
                }
            }
        }
    }

    /**
     * Saves a matter and publishes what it recorded, with an audit entry for each; marks the actor as
     * having just changed matters, so that its next read on any node comes from the database; and,
     * once committed, tells this node's kept reads what changed.
     */
    private void save(Matter m, Actor actor) {
        MatterStatus before = m.shareBefore().status();
        Set<String> orgs = new LinkedHashSet<>();
        m.cases().forEach(c -> orgs.add(c.orgCode()));
        repo.save(m);
        m.cases().forEach(c -> orgs.add(c.orgCode()));
        for (MatterEvent event : m.takeEvents()) {
            events.publishEvent(event);
            audit(event, before, m.status());
        }
        reads.wrote(actor);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                reads.changed(orgs);
            }
        });
    }

    private void audit(MatterEvent event, MatterStatus before, MatterStatus after) {
        Map<String, Object> was = new LinkedHashMap<>();
        if (before != null) {
            was.put("status", before);
        }
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("status", after);
        now.put("event", event);
        String name = event.getClass().getSimpleName();
        String action = Character.toLowerCase(name.charAt(0)) + name.substring(1);
        CaseId caseId = event instanceof MatterEvent.CaseEvent e ? e.caseId() : null;
        if (caseId != null) {
            audit.record("case." + action, "case", caseId.toString(), was.isEmpty() ? null : was, now);
        } else {
            audit.record("matter." + action, "matter", event.matter().toString(), was.isEmpty() ? null : was, now);
        }
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return tx.execute(status -> work.get());
    }

    private void checkOrg(Checks checks, String field, String code, Set<String> seen) {
        if (code == null || code.isBlank()) {
            checks.add(field, "validation.required");
        } else if (directory.findOrg(code).isEmpty()) {
            checks.add(field, "validation.unknownOrg", code);
        } else if (!seen.add(code)) {
            checks.add(field, "validation.orgTwice", code);
        }
    }

    /** A due date set by hand is not in the past, nor past the longest the type allows with extensions. */
    private void checkDueDate(Checks checks, String field, LocalDate due, MatterType type) {
        if (due == null) {
            return;
        }
        LocalDate today = rules.today();
        LocalDate latest = rules.latestExtension(type, today);
        checks.check(!due.isBefore(today), field, "validation.pastDate");
        checks.check(!due.isAfter(latest), field, "validation.dueTooLate", latest);
    }

    private Meetings meetings() {
        Meetings m = meetings.getIfAvailable();
        if (m == null) {
            throw new IllegalStateException("The meetings module is not available");
        }
        return m;
    }

    private static List<String> trimmed(List<String> codes) {
        List<String> trimmed = new ArrayList<>();
        if (codes != null) {
            codes.forEach(c -> trimmed.add(c == null ? null : c.trim()));
        }
        return trimmed;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
