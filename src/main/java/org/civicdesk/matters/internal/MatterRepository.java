package org.civicdesk.matters.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.civicdesk.matters.MatterStatus;
import org.civicdesk.matters.MatterType;
import org.civicdesk.matters.internal.Model.Case;
import org.civicdesk.matters.internal.Model.CaseRole;
import org.civicdesk.matters.internal.Model.CaseStatus;
import org.civicdesk.matters.internal.Model.Channel;
import org.civicdesk.matters.internal.Model.Event;
import org.civicdesk.matters.internal.Model.Matter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Plain SQL for matters, cases and their history. */
@Repository
class MatterRepository {

    private final JdbcClient jdbc;
    private final MatterTallies tallies;

    MatterRepository(JdbcClient jdbc, MatterTallies tallies) {
        this.jdbc = jdbc;
        this.tallies = tallies;
    }

    Optional<Matter> find(long id) {
        return jdbc.sql("SELECT * FROM matter WHERE id = :id").param("id", id).query(MatterRepository::matter)
                .optional();
    }

    /**
     * Loads a matter and locks its row until the transaction ends, so that transitions of one matter
     * and its cases happen one after another, on one node or many. Every change of a matter or its
     * cases starts here (or with {@link #insert}), which is what keeps {@link MatterTallies} exact.
     */
    Optional<Matter> lock(long id) {
        Optional<Matter> matter = jdbc.sql("SELECT * FROM matter WHERE id = :id FOR UPDATE").param("id", id)
                .query(MatterRepository::matter).optional();
        matter.ifPresent(m -> tallies.before(id, false));
        return matter;
    }

    /**
     * Reads a case again once its matter is locked, and locks it too. A plain read here returned, on H2,
     * the case as it was before another transaction signed it and committed while this one waited for
     * the matter (two handlers signing at once both won, about one time in thirteen); a locking read
     * returns the latest committed row on both databases, and costs nothing more on PostgreSQL, where
     * whoever changes a case holds its matter's lock already.
     */
    Optional<Case> lockCase(long id) {
        return jdbc.sql("SELECT * FROM handling_case WHERE id = :id FOR UPDATE").param("id", id)
                .query(MatterRepository::aCase).optional();
    }

    Optional<Case> findCase(long id) {
        return jdbc.sql("SELECT * FROM handling_case WHERE id = :id").param("id", id).query(MatterRepository::aCase)
                .optional();
    }

    List<Case> cases(long matterId) {
        return jdbc.sql("SELECT * FROM handling_case WHERE matter_id = :id ORDER BY id").param("id", matterId)
                .query(MatterRepository::aCase).list();
    }

    List<Case> cases(Collection<Long> matterIds) {
        if (matterIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM handling_case WHERE matter_id IN (:ids) ORDER BY matter_id, id")
                .param("ids", matterIds).query(MatterRepository::aCase).list();
    }

    List<String> cosigners(long matterId) {
        return jdbc.sql("SELECT username FROM matter_cosigner WHERE matter_id = :id ORDER BY username")
                .param("id", matterId).query(String.class).list();
    }

    List<Event> events(long matterId) {
        return jdbc.sql("SELECT * FROM case_event WHERE matter_id = :id ORDER BY at, id").param("id", matterId)
                .query((rs, n) -> new Event(rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                        rs.getString("kind"), (Long) rs.getObject("case_id", Long.class), rs.getString("note")))
                .list();
    }

    long insert(Matter m) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO matter (type, title, content, category, district, raiser, entered_by, series_slug,
                                    meeting_id, channel, status, urgent, confidential, example, raised_at)
                VALUES (:type, :title, :content, :category, :district, :raiser, :enteredBy, :series, :meeting,
                        :channel, :status, :urgent, :confidential, :example, :raisedAt)""")
                .param("type", m.type().name()).param("title", m.title()).param("content", m.content())
                .param("category", m.category()).param("district", m.district()).param("raiser", m.raiser())
                .param("enteredBy", m.enteredBy()).param("series", m.seriesSlug()).param("meeting", m.meetingId())
                .param("channel", m.channel().name()).param("status", m.status().name()).param("urgent", m.urgent())
                .param("confidential", m.confidential()).param("example", m.example())
                .param("raisedAt", m.raisedAt()).update(keys, "id");
        long id = keys.getKey().longValue();
        tallies.before(id, true);
        return id;
    }

    void addCosigner(long matterId, String username) {
        jdbc.sql("""
                INSERT INTO matter_cosigner (matter_id, username)
                SELECT :id, :u WHERE NOT EXISTS (SELECT 1 FROM matter_cosigner WHERE matter_id = :id AND username = :u)""")
                .param("id", matterId).param("u", username).update();
    }

    long insertCase(long matterId, String orgCode, CaseRole role, OffsetDateTime now, LocalDate assignedOn,
            LocalDate due) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO handling_case (matter_id, org_code, role, status, assigned_at, assigned_on, due_date)
                VALUES (:m, :org, :role, 'ASSIGNED', :now, :on, :due)""")
                .param("m", matterId).param("org", orgCode).param("role", role.name()).param("now", now)
                .param("on", assignedOn).param("due", due).update(keys, "id");
        return keys.getKey().longValue();
    }

    void setStatus(long matterId, MatterStatus status) {
        jdbc.sql("UPDATE matter SET status = :s, version = version + 1 WHERE id = :id").param("s", status.name())
                .param("id", matterId).update();
    }

    /** Sets one column of a matter; the column name is always a constant of this module, never input. */
    void setMatter(long matterId, String column, Object value) {
        jdbc.sql("UPDATE matter SET " + column + " = :v, version = version + 1 WHERE id = :id").param("v", value)
                .param("id", matterId).update();
    }

    void setCaseStatus(long caseId, CaseStatus status) {
        jdbc.sql("UPDATE handling_case SET status = :s, version = version + 1 WHERE id = :id")
                .param("s", status.name()).param("id", caseId).update();
    }

    /** Sets one column of a case; the column name is always a constant of this module, never input. */
    void setCase(long caseId, String column, Object value) {
        jdbc.sql("UPDATE handling_case SET " + column + " = :v, version = version + 1 WHERE id = :id")
                .param("v", value).param("id", caseId).update();
    }

    void closeOpenCases(long matterId) {
        jdbc.sql("UPDATE handling_case SET status = 'CLOSED', version = version + 1 WHERE matter_id = :id "
                + "AND status <> 'RETURNED'").param("id", matterId).update();
    }

    void event(long matterId, Long caseId, OffsetDateTime at, String actor, String kind, String note) {
        jdbc.sql("""
                INSERT INTO case_event (case_id, matter_id, at, actor, kind, note)
                VALUES (:c, :m, :at, :actor, :kind, :note)""")
                .param("c", caseId).param("m", matterId).param("at", at).param("actor", actor).param("kind", kind)
                .param("note", note).update();
    }

    void evaluation(long matterId, String rater, String rating, String comment, int round, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO evaluation (matter_id, rater, rating, comment, round_no, at)
                VALUES (:m, :r, :rating, :c, :round, :at)""")
                .param("m", matterId).param("r", rater).param("rating", rating).param("c", comment)
                .param("round", round).param("at", at).update();
    }

    boolean hasRated(long matterId, String rater, int round) {
        return jdbc.sql("SELECT COUNT(*) FROM evaluation WHERE matter_id = :m AND rater = :r AND round_no = :round")
                .param("m", matterId).param("r", rater).param("round", round).query(Long.class).single() > 0;
    }

    static Matter matter(ResultSet rs, int row) throws SQLException {
        return new Matter(rs.getLong("id"), MatterType.valueOf(rs.getString("type")), rs.getString("title"),
                rs.getString("content"), rs.getString("category"), rs.getString("district"), rs.getString("raiser"),
                rs.getString("entered_by"), rs.getString("series_slug"), rs.getObject("meeting_id", Long.class),
                Channel.valueOf(rs.getString("channel")), MatterStatus.valueOf(rs.getString("status")),
                rs.getObject("accepted", Boolean.class), rs.getString("rejection_reason"),
                rs.getObject("merged_into", Long.class), rs.getBoolean("urgent"), rs.getBoolean("key_matter"),
                rs.getString("supervising_leader"), rs.getBoolean("confidential"), rs.getBoolean("follow_up"),
                rs.getBoolean("rehandled"), rs.getString("rating"), rs.getBoolean("example"),
                rs.getObject("raised_at", OffsetDateTime.class), rs.getObject("assigned_at", OffsetDateTime.class),
                rs.getObject("answered_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class));
    }

    static Case aCase(ResultSet rs, int row) throws SQLException {
        return new Case(rs.getLong("id"), rs.getLong("matter_id"), rs.getString("org_code"),
                CaseRole.valueOf(rs.getString("role")), CaseStatus.valueOf(rs.getString("status")),
                date(rs, "assigned_on"), date(rs, "due_date"), rs.getObject("signed_at", OffsetDateTime.class),
                rs.getObject("answered_at", OffsetDateTime.class), rs.getString("category"), rs.getString("answer"),
                rs.getString("signed_off_by"), rs.getString("opinion"), rs.getBoolean("contacted"),
                date(rs, "extension_until"), rs.getString("extension_reason"), rs.getString("return_reason"),
                rs.getObject("replaced_by", Long.class));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
