package org.civicdesk.matters.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civicdesk.directory.Directory;
import org.civicdesk.directory.OrgSummary;
import org.civicdesk.matters.MatterId;
import org.civicdesk.matters.MatterStatus;
import org.civicdesk.matters.MatterType;
import org.civicdesk.matters.ReportedAppeals;
import org.civicdesk.shared.Redactor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Residents' appeals as the public reads them: the redacted copies of title, content and answers that
 * {@link MatterRepository} keeps, the address redacted as it is read, and nothing of the raiser.
 */
@Component
class AppealReports implements ReportedAppeals {

    private static final String PUBLIC_APPEALS = " FROM matter m WHERE m.type = 'APPEAL' AND m.confidential = FALSE";

    private final JdbcClient jdbc;
    private final Deadlines deadlines;
    private final Directory directory;

    AppealReports(JdbcClient jdbc, Deadlines deadlines, Directory directory) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.directory = directory;
    }

    @Override
    public Optional<ReportedAppeal> appeal(MatterId id) {
        return appeals(new Query(List.of(id.value()), null, null, null, null, false, 1)).stream().findFirst();
    }

    @Override
    public List<ReportedAppeal> appeals(Query query) {
        StringBuilder sql = new StringBuilder("SELECT m.id, m.status, m.public_title, m.public_content, m.category,"
                + " m.urgent, m.raised_at, m.lat, m.lon, m.address,"
                + " (SELECT MAX(e.at) FROM case_event e WHERE e.matter_id = m.id) AS updated_at" + PUBLIC_APPEALS);
        Map<String, Object> params = new HashMap<>();
        if (!query.ids().isEmpty()) {
            sql.append(" AND m.id IN (:ids)");
            params.put("ids", query.ids());
        } else {
            if (!query.categories().isEmpty()) {
                sql.append(" AND m.category IN (:categories)");
                params.put("categories", query.categories());
            }
            if (query.from() != null) {
                sql.append(" AND m.raised_at >= :from");
                params.put("from", query.from());
            }
            if (query.to() != null) {
                sql.append(" AND m.raised_at < :to");
                params.put("to", query.to());
            }
            if (!query.statuses().isEmpty()) {
                sql.append(" AND m.status IN (:statuses)");
                params.put("statuses", query.statuses().stream().map(Enum::name).toList());
            }
        }
        if (query.locatedOnly()) {
            sql.append(" AND m.lat IS NOT NULL");
        }
        sql.append(" ORDER BY m.raised_at DESC, m.id DESC LIMIT :limit");
        params.put("limit", Math.max(1, query.limit()));
        List<Row> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs)).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<CaseLine>> cases = cases(rows.stream().map(Row::id).toList());
        Map<String, String> orgNames = new HashMap<>();
        List<ReportedAppeal> appeals = new ArrayList<>(rows.size());
        for (Row row : rows) {
            appeals.add(appeal(row, cases.getOrDefault(row.id(), List.of()), orgNames));
        }
        return appeals;
    }

    @Override
    public int answerWorkingDays() {
        return deadlines.limit(MatterType.APPEAL).leadAmount();
    }

    /** The location of a matter as its own page shows it, for those who may read the matter. */
    Optional<Location> location(MatterId id) {
        return jdbc.sql("SELECT lat, lon, address FROM matter WHERE id = :id AND (lat IS NOT NULL OR address IS NOT NULL)")
                .param("id", id.value())
                .query((rs, n) -> new Location(rs.getBigDecimal("lat"), rs.getBigDecimal("lon"), rs.getString("address")))
                .optional();
    }

    record Location(BigDecimal lat, BigDecimal lon, String address) {
    }

    private record Row(long id, MatterStatus status, String title, String content, String category, boolean urgent,
            OffsetDateTime raisedAt, OffsetDateTime updatedAt, BigDecimal lat, BigDecimal lon, String address) {
    }

    /** A department's case on it: answering ones (lead or separate) carry the deadline and the answer. */
    private record CaseLine(long matterId, String orgCode, String role, String status, LocalDate dueDate,
            String answer) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        OffsetDateTime raised = rs.getObject("raised_at", OffsetDateTime.class);
        OffsetDateTime updated = rs.getObject("updated_at", OffsetDateTime.class);
        return new Row(rs.getLong("id"), MatterStatus.valueOf(rs.getString("status")), rs.getString("public_title"),
                rs.getString("public_content"), rs.getString("category"), rs.getBoolean("urgent"), raised,
                updated == null || updated.isBefore(raised) ? raised : updated, rs.getBigDecimal("lat"),
                rs.getBigDecimal("lon"), rs.getString("address"));
    }

    private Map<Long, List<CaseLine>> cases(List<Long> matterIds) {
        Map<Long, List<CaseLine>> byMatter = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT matter_id, org_code, role, status, due_date, public_answer FROM handling_case
                WHERE matter_id IN (:ids) AND status <> 'RETURNED'
                ORDER BY CASE role WHEN 'LEAD' THEN 0 WHEN 'SEPARATE' THEN 1 ELSE 2 END, answered_at DESC, id""")
                .param("ids", matterIds)
                .query((rs, n) -> new CaseLine(rs.getLong("matter_id"), rs.getString("org_code"), rs.getString("role"),
                        rs.getString("status"), rs.getObject("due_date", LocalDate.class), rs.getString("public_answer")))
                .list().forEach(c -> byMatter.computeIfAbsent(c.matterId(), k -> new ArrayList<>()).add(c));
        return byMatter;
    }

    private ReportedAppeal appeal(Row row, List<CaseLine> cases, Map<String, String> orgNames) {
        List<CaseLine> answering = cases.stream().filter(c -> !"CO".equals(c.role())).toList();
        List<String> agencies = cases.stream().map(CaseLine::orgCode).distinct()
                .map(code -> orgNames.computeIfAbsent(code,
                        c -> directory.findOrg(c).map(OrgSummary::name).orElse(c)))
                .toList();
        String answer = answering.stream().map(CaseLine::answer).filter(a -> a != null).findFirst().orElse(null);
        LocalDate due = null;
        if (row.status().isOpen()) {
            due = answering.stream().filter(c -> !"CLOSED".equals(c.status())).map(CaseLine::dueDate)
                    .min(LocalDate::compareTo)
                    .orElseGet(() -> deadlines.leadDue(MatterType.APPEAL, null, row.urgent(), deadlines.today()));
        }
        return new ReportedAppeal(row.id(), row.status(), row.title(), row.content(), row.category(),
                local(row.raisedAt()), local(row.updatedAt()),
                due == null ? null : due.atTime(LocalTime.of(23, 59, 59)).atZone(deadlines.zone()).toOffsetDateTime(),
                agencies, answer, row.lat(), row.lon(), row.address() == null ? null : Redactor.redact(row.address()));
    }

    private OffsetDateTime local(OffsetDateTime instant) {
        return instant.atZoneSameInstant(deadlines.zone()).toOffsetDateTime();
    }
}
