package org.civicdesk.matters.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.civicdesk.matters.CaseId;
import org.civicdesk.matters.MatterId;
import org.civicdesk.matters.MatterType;
import org.civicdesk.matters.internal.Matter.Ballot;
import org.civicdesk.matters.internal.Matter.Facts;
import org.civicdesk.shared.Redactor;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Loads a {@link Matter} whole — its row, its cases, co-signers and ratings — and saves it whole, in
 * plain SQL. Saving checks the version the matter was loaded at: of two changes of one matter made
 * at once, the second to save finds the version moved and fails with
 * {@link OptimisticLockingFailureException}, and changes nothing. The tallies follow from the
 * difference between what the matter counted for when loaded and what it counts for now. Beside a
 * matter's title and content and a case's answer it stores their public copies, contact details removed
 * by {@link Redactor}, which the public answers are read and searched from: a search of the text as
 * written would tell which answer holds a telephone number the page does not show.
 */
@Repository
class MatterRepository {

    private final JdbcClient jdbc;
    private final Tallies tallies;

    MatterRepository(JdbcClient jdbc, Tallies tallies) {
        this.jdbc = jdbc;
        this.tallies = tallies;
    }

    Optional<Matter> load(MatterId id) {
        return jdbc.sql("SELECT * FROM matter WHERE id = :id").param("id", id.value())
                .query((rs, n) -> new Row(facts(rs), rs.getInt("version"), rs.getObject("accepted", Boolean.class),
                        rs.getString("rejection_reason"), rs.getObject("merged_into", Long.class),
                        rs.getBoolean("key_matter"), rs.getString("supervising_leader"), rs.getBoolean("follow_up"),
                        rs.getBoolean("rehandled"), rs.getString("rating"),
                        rs.getObject("assigned_at", OffsetDateTime.class),
                        rs.getObject("answered_at", OffsetDateTime.class),
                        rs.getObject("closed_at", OffsetDateTime.class)))
                .optional().map(row -> matter(row, id));
    }

    /** A matter's own row, read before its cases, co-signers and ratings. */
    private record Row(Facts facts, int version, Boolean accepted, String rejectionReason, Long mergedInto,
            boolean key, String supervisingLeader, boolean followUp, boolean rehandled, String rating,
            OffsetDateTime assignedAt, OffsetDateTime answeredAt, OffsetDateTime closedAt) {
    }

    /** The matter a case belongs to. */
    Optional<MatterId> matterOf(CaseId caseId) {
        return jdbc.sql("SELECT matter_id FROM handling_case WHERE id = :id").param("id", caseId.value())
                .query(Long.class).optional().map(MatterId::new);
    }

    /** Everything that happened to a matter, in order. */
    List<HistoryEntry> history(MatterId id) {
        return jdbc.sql("SELECT * FROM case_event WHERE matter_id = :id ORDER BY at, id").param("id", id.value())
                .query((rs, n) -> new HistoryEntry(rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                        rs.getString("kind"), rs.getObject("case_id", Long.class), rs.getString("note")))
                .list();
    }

    record HistoryEntry(OffsetDateTime at, String actor, String kind, Long caseId, String note) {
    }

    /** Saves the matter and what changed in it, in the caller's transaction. */
    void save(Matter m) {
        if (m.isNew()) {
            insert(m);
        } else if (update(m) == 0) {
            throw new OptimisticLockingFailureException("Matter " + m.id() + " changed since it was read");
        }
        long matterId = m.id().value();
        for (Case c : m.cases()) {
            if (c.isNew()) {
                insert(matterId, c);
            }
        }
        for (Case c : m.cases()) {
            if (c.changed()) {
                update(c);
            }
            c.saved();
        }
        for (String username : m.newCosigners()) {
            jdbc.sql("INSERT INTO matter_cosigner (matter_id, username) VALUES (:m, :u)").param("m", matterId)
                    .param("u", username).update();
        }
        m.newCosigners().clear();
        for (Matter.Rated r : m.newRatings()) {
            jdbc.sql("""
                    INSERT INTO evaluation (matter_id, rater, rating, comment, round_no, at)
                    VALUES (:m, :r, :rating, :c, :round, :at)""")
                    .param("m", matterId).param("r", r.ballot().rater()).param("rating", r.rating().name())
                    .param("c", r.comment()).param("round", r.ballot().round()).param("at", r.at()).update();
        }
        m.newRatings().clear();
        for (Matter.History h : m.newHistory()) {
            jdbc.sql("""
                    INSERT INTO case_event (case_id, matter_id, at, actor, kind, note)
                    VALUES (:c, :m, :at, :actor, :kind, :note)""")
                    .param("c", h.aCase() == null ? null : h.aCase().id().value()).param("m", matterId)
                    .param("at", h.at()).param("actor", h.actor()).param("kind", h.kind()).param("note", h.note())
                    .update();
        }
        m.newHistory().clear();
        tallies.apply(matterId, m.shareBefore(), m.share());
    }

    private void insert(Matter m) {
        Facts f = m.facts();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO matter (type, title, content, public_title, public_content, category, district, raiser,
                                    entered_by, series_slug, meeting_id, channel, status, urgent, confidential, example,
                                    raised_at)
                VALUES (:type, :title, :content, :publicTitle, :publicContent, :category, :district, :raiser,
                        :enteredBy, :series, :meeting, :channel, :status, :urgent, :confidential, :example, :raisedAt)""")
                .param("type", f.type().name()).param("title", f.title()).param("content", f.content())
                .param("publicTitle", Redactor.redact(f.title())).param("publicContent", Redactor.redact(f.content()))
                .param("category", f.category()).param("district", f.district()).param("raiser", f.raiser())
                .param("enteredBy", f.enteredBy()).param("series", f.series()).param("meeting", f.meetingId())
                .param("channel", f.channel().name()).param("status", m.status().name())
                .param("urgent", f.urgent()).param("confidential", f.confidential()).param("example", f.example())
                .param("raisedAt", f.raisedAt()).update(keys, "id");
        m.identify(keys.getKey().longValue());
    }

    private int update(Matter m) {
        return jdbc.sql("""
                UPDATE matter SET status = :status, accepted = :accepted, rejection_reason = :rejection,
                       merged_into = :merged, key_matter = :key, supervising_leader = :leader, follow_up = :followUp,
                       rehandled = :rehandled, rating = :rating, assigned_at = :assignedAt,
                       answered_at = :answeredAt, closed_at = :closedAt, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("status", m.status().name()).param("accepted", m.accepted())
                .param("rejection", m.rejectionReason()).param("merged", m.mergedInto()).param("key", m.key())
                .param("leader", m.supervisingLeader()).param("followUp", m.followUp())
                .param("rehandled", m.rehandled()).param("rating", m.rating() == null ? null : m.rating().name())
                .param("assignedAt", m.assignedAt()).param("answeredAt", m.answeredAt())
                .param("closedAt", m.closedAt()).param("id", m.id().value()).param("version", m.version())
                .update();
    }

    private void insert(long matterId, Case c) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO handling_case (matter_id, org_code, role, status, assigned_at, assigned_on, due_date)
                VALUES (:m, :org, :role, :status, :at, :on, :due)""")
                .param("m", matterId).param("org", c.orgCode()).param("role", c.role().name())
                .param("status", c.status().name()).param("at", c.assignedAt()).param("on", c.assignedOn())
                .param("due", c.dueDate()).update(keys, "id");
        c.identify(keys.getKey().longValue());
    }

    private void update(Case c) {
        jdbc.sql("""
                UPDATE handling_case SET status = :status, due_date = :due, signed_at = :signedAt,
                       answered_at = :answeredAt, category = :category, answer = :answer,
                       public_answer = :publicAnswer, signed_off_by = :signedOff,
                       opinion = :opinion, contacted = :contacted, extension_until = :until,
                       extension_reason = :reason, return_reason = :returnReason, replaced_by = :replacedBy
                WHERE id = :id""")
                .param("status", c.status().name()).param("due", c.dueDate()).param("signedAt", c.signedAt())
                .param("answeredAt", c.answeredAt())
                .param("category", c.category() == null ? null : c.category().name()).param("answer", c.answer())
                .param("publicAnswer", Redactor.redact(c.answer())).param("signedOff", c.signedOffBy())
                .param("opinion", c.opinion()).param("contacted", c.contacted())
                .param("until", c.extensionUntil()).param("reason", c.extensionReason())
                .param("returnReason", c.returnReason()).param("replacedBy", c.replacedBy())
                .param("id", c.id().value()).update();
    }

    private Matter matter(Row row, MatterId id) {
        List<Case> cases = jdbc.sql("SELECT * FROM handling_case WHERE matter_id = :id ORDER BY id")
                .param("id", id.value()).query((r, n) -> aCase(r)).list();
        List<String> cosigners = jdbc.sql("SELECT username FROM matter_cosigner WHERE matter_id = :id ORDER BY username")
                .param("id", id.value()).query(String.class).list();
        List<Ballot> ballots = jdbc.sql("SELECT rater, round_no FROM evaluation WHERE matter_id = :id")
                .param("id", id.value()).query((r, n) -> new Ballot(r.getString("rater"), r.getInt("round_no")))
                .list();
        return new Matter(id.value(), row.version(), row.facts(), row.accepted(), row.rejectionReason(),
                row.mergedInto(), row.key(), row.supervisingLeader(), row.followUp(), row.rehandled(),
                row.rating() == null ? null : Rating.valueOf(row.rating()), row.assignedAt(), row.answeredAt(),
                row.closedAt(), cases, new LinkedHashSet<>(cosigners), new HashSet<>(ballots));
    }

    /** What was raised, as stored; also read by the lists, which need no more of a matter. */
    static Facts facts(ResultSet rs) throws SQLException {
        return new Facts(MatterType.valueOf(rs.getString("type")), rs.getString("title"), rs.getString("content"),
                rs.getString("category"), rs.getString("district"), rs.getString("raiser"),
                rs.getString("entered_by"), rs.getString("series_slug"), rs.getObject("meeting_id", Long.class),
                Channel.valueOf(rs.getString("channel")), rs.getBoolean("urgent"), rs.getBoolean("confidential"),
                rs.getBoolean("example"), rs.getObject("raised_at", OffsetDateTime.class));
    }

    private static Case aCase(ResultSet rs) throws SQLException {
        String category = rs.getString("category");
        return new Case(rs.getLong("id"), rs.getString("org_code"), CaseRole.valueOf(rs.getString("role")),
                CaseStatus.valueOf(rs.getString("status")), rs.getObject("assigned_at", OffsetDateTime.class),
                date(rs, "assigned_on"), date(rs, "due_date"), rs.getObject("signed_at", OffsetDateTime.class),
                rs.getObject("answered_at", OffsetDateTime.class),
                category == null ? null : AnswerCategory.valueOf(category), rs.getString("answer"),
                rs.getString("signed_off_by"), rs.getString("opinion"), rs.getBoolean("contacted"),
                date(rs, "extension_until"), rs.getString("extension_reason"), rs.getString("return_reason"),
                rs.getObject("replaced_by", Long.class));
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
