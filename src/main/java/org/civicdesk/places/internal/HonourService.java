package org.civicdesk.places.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civicdesk.audit.AuditTrail;
import org.civicdesk.directory.Directory;
import org.civicdesk.directory.OrgSummary;
import org.civicdesk.places.HonourCommand;
import org.civicdesk.places.HonourEvent;
import org.civicdesk.places.internal.Views.HonourView;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.web.ListFilter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 荣誉 — the registry of honours the city's organisations received. An honoured organisation in the
 * directory is named by its code; its name is kept as awarded, so the record reads as it did that day.
 */
@Service
@Transactional(readOnly = true)
class HonourService {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HonourService(JdbcClient jdbc, AuditTrail audit, Directory directory, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /** Every honour, latest first. */
    List<HonourView> honours() {
        return jdbc.sql("SELECT * FROM honour ORDER BY awarded_on DESC, id").query(HonourService::row).list();
    }

    /** A page of the honours that the criteria select, latest first. */
    List<HonourView> honours(HonourFilter.Criteria criteria, long offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("SELECT * FROM honour" + where(criteria, params)
                + " ORDER BY awarded_on DESC, id LIMIT :limit OFFSET :offset").params(params)
                .param("limit", limit).param("offset", offset).query(HonourService::row).list();
    }

    long count(HonourFilter.Criteria criteria) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("SELECT COUNT(*) FROM honour" + where(criteria, params)).params(params).query(Long.class)
                .single();
    }

    private static String where(HonourFilter.Criteria c, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (c.level() != null) {
            where.append(" AND honour_level = :level");
            params.put("level", c.level().name());
        }
        if (c.text() != null) {
            where.append(" AND (LOWER(title) LIKE :text OR LOWER(org_name) LIKE :text OR LOWER(awarding_body) LIKE :text)");
            params.put("text", ListFilter.like(c.text()));
        }
        if (c.from() != null) {
            where.append(" AND awarded_on >= :from");
            params.put("from", c.from());
        }
        if (c.to() != null) {
            where.append(" AND awarded_on <= :to");
            params.put("to", c.to());
        }
        return where.toString();
    }

    Optional<HonourView> find(long id) {
        return jdbc.sql("SELECT * FROM honour WHERE id = :id").param("id", id).query(HonourService::row).optional();
    }

    private static HonourView row(ResultSet rs, int n) throws SQLException {
        return new HonourView(rs.getLong("id"), rs.getString("title"), rs.getString("awarding_body"),
                rs.getObject("awarded_on", LocalDate.class), HonourLevel.valueOf(rs.getString("honour_level")),
                rs.getString("org_code"), rs.getString("org_name"), rs.getString("citation"));
    }

    @Transactional
    HonourView record(HonourCommand cmd) {
        Checks checks = new Checks();
        checks.required("title", cmd.title()).maxLength("title", cmd.title(), 300);
        checks.required("awardingBody", cmd.awardingBody()).maxLength("awardingBody", cmd.awardingBody(), 200);
        checks.required("awardedOn", cmd.awardedOn());
        LocalDate awardedOn = BookingService.parse(checks, "awardedOn", cmd.awardedOn(), LocalDate::parse,
                "places.validation.date");
        checks.required("level", cmd.level());
        HonourLevel level = checks.oneOf("level", cmd.level(), HonourLevel.class);
        OrgSummary org = null;
        if (cmd.orgCode() != null && !cmd.orgCode().isBlank()) {
            org = directory.findOrg(cmd.orgCode().trim()).orElse(null);
            checks.check(org != null, "orgCode", "validation.unknownOrg", cmd.orgCode().trim());
        } else {
            checks.required("orgName", cmd.orgName());
        }
        checks.maxLength("orgName", cmd.orgName(), 200).maxLength("citation", cmd.citation(), 2000);
        checks.throwIfAny();
        String orgName = PlaceService.blankToNull(cmd.orgName()) != null ? cmd.orgName().trim() : org.name();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO honour (title, awarding_body, awarded_on, honour_level, org_code, org_name, citation,
                                    created_at)
                VALUES (:title, :body, :on, :level, :org, :orgName, :citation, :now)""")
                .param("title", cmd.title().trim()).param("body", cmd.awardingBody().trim()).param("on", awardedOn)
                .param("level", level.name()).param("org", org == null ? null : org.code())
                .param("orgName", orgName).param("citation", PlaceService.blankToNull(cmd.citation()))
                .param("now", OffsetDateTime.now(clock)).update(keys, "id");
        long id = keys.getKey().longValue();
        HonourView created = find(id).orElseThrow(() -> Problems.notFound("honour", id));
        audit.record("honour.recorded", "honour", Long.toString(id), null, created);
        events.publishEvent(new HonourEvent.Recorded(id));
        return created;
    }
}
