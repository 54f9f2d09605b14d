package org.civicdesk.notices.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.civicdesk.audit.AuditTrail;
import org.civicdesk.directory.Directory;
import org.civicdesk.directory.OrgSummary;
import org.civicdesk.notices.NoticeCommand;
import org.civicdesk.notices.NoticeEvent;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.web.ListFilter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps notices. Administrators write, publish and withdraw them; the public sees published notices
 * only, so a draft or a withdrawn notice is "not found" to everyone else. Every change publishes a {@link NoticeEvent} in its
 * transaction.
 */
@Service
@Transactional(readOnly = true)
class NoticeService {

    static final Pattern ORG_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9\\-_]{0,63}");
    private static final String SELECT = "SELECT id, title, body, issuer_org, kind, status, published_at, updated_at FROM notice";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Directory directory;

    NoticeService(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
            Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Notice create(NoticeCommand cmd) {
        Checks checks = new Checks();
        checks.required("title", cmd.title()).maxLength("title", cmd.title(), 200);
        checks.required("body", cmd.body()).maxLength("body", cmd.body(), 20000);
        checks.required("issuerOrg", cmd.issuerOrg()).matches("issuerOrg", cmd.issuerOrg(), ORG_CODE,
                "validation.code");
        checks.required("kind", cmd.kind());
        NoticeKind kind = checks.oneOf("kind", cmd.kind(), NoticeKind.class);
        String issuer = null;
        if (!checks.has("issuerOrg")) {
            issuer = directory.findOrg(cmd.issuerOrg().trim()).map(OrgSummary::code).orElse(null);
            checks.check(issuer != null, "issuerOrg", "validation.unknownOrg", cmd.issuerOrg().trim());
        }
        checks.throwIfAny();
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean publish = Boolean.TRUE.equals(cmd.publish());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO notice (title, body, issuer_org, kind, status, published_at, created_at, updated_at)
                VALUES (:title, :body, :org, :kind, :status, :published, :now, :now)""")
                .param("title", cmd.title().trim()).param("body", cmd.body().trim())
                .param("org", issuer).param("kind", kind.name())
                .param("status", publish ? Notice.PUBLISHED : Notice.DRAFT).param("published", publish ? now : null)
                .param("now", now).update(key, "id");
        Notice notice = find(key.getKey().longValue());
        audit.record("notice.created", "notice", String.valueOf(notice.id()), null, notice);
        events.publishEvent(publish ? new NoticeEvent.Published(notice.id()) : new NoticeEvent.Drafted(notice.id()));
        return notice;
    }

    @Transactional
    Notice publish(long id) {
        Notice before = jdbc.sql(SELECT + " WHERE id = :id FOR UPDATE").param("id", id).query(this::map).optional()
                .orElseThrow(() -> Problems.notFound("notice", id));
        if (before.published()) {
            throw Problems.conflict(Problems.INVALID_TRANSITION, "notices.problem.published");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("UPDATE notice SET status = :s, published_at = :now, updated_at = :now WHERE id = :id")
                .param("s", Notice.PUBLISHED).param("now", now).param("id", id).update();
        Notice after = find(id);
        audit.record("notice.published", "notice", String.valueOf(id), Map.of("status", before.status()),
                Map.of("status", after.status()));
        events.publishEvent(new NoticeEvent.Published(id));
        return after;
    }

    /** 撤回 — takes a published notice back to a draft, which the public no longer reads. */
    @Transactional
    Notice withdraw(long id) {
        Notice before = jdbc.sql(SELECT + " WHERE id = :id FOR UPDATE").param("id", id).query(this::map).optional()
                .orElseThrow(() -> Problems.notFound("notice", id));
        if (!before.published()) {
            throw Problems.conflict(Problems.INVALID_TRANSITION, "notices.problem.notPublished");
        }
        jdbc.sql("UPDATE notice SET status = :s, published_at = NULL, updated_at = :now WHERE id = :id")
                .param("s", Notice.DRAFT).param("now", OffsetDateTime.now(clock)).param("id", id).update();
        Notice after = find(id);
        audit.record("notice.withdrawn", "notice", String.valueOf(id), Map.of("status", before.status()),
                Map.of("status", after.status()));
        events.publishEvent(new NoticeEvent.Withdrawn(id));
        return after;
    }

    List<Notice> all() {
        return jdbc.sql(SELECT + " ORDER BY id DESC").query(this::map).list();
    }

    /** Contact details removed: whoever calls this shows them to the public. */
    List<Notice> published() {
        return jdbc.sql(SELECT + " WHERE status = 'PUBLISHED' ORDER BY published_at DESC, id DESC").query(this::map)
                .stream().map(Notice::redacted).toList();
    }

    /**
     * A page of the notices the criteria select, the latest published first and drafts by the time
     * they were written; {@code text} is looked for in the title, and in the text when {@code withBody}.
     * The public's pages ask for published notices only, whose contact details are removed.
     */
    List<Notice> page(NoticeFilter.Criteria criteria, boolean withBody, long offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(criteria, withBody, params);
        return jdbc.sql(SELECT + where + " ORDER BY published_at DESC NULLS FIRST, id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", limit).param("offset", offset).query(this::map).stream()
                .map(n -> n.published() ? n.redacted() : n).toList();
    }

    long count(NoticeFilter.Criteria criteria, boolean withBody) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("SELECT COUNT(*) FROM notice" + where(criteria, withBody, params)).params(params)
                .query(Long.class).single();
    }

    /** The organisations that have published notices, by code: the choices of the public's publisher filter. */
    List<String> publishers() {
        return jdbc.sql("SELECT DISTINCT issuer_org FROM notice WHERE status = 'PUBLISHED' ORDER BY issuer_org")
                .query(String.class).list();
    }

    private static String where(NoticeFilter.Criteria c, boolean withBody, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (c.kind() != null) {
            where.append(" AND kind = :kind");
            params.put("kind", c.kind().name());
        }
        if (c.status() != null) {
            where.append(" AND status = :status");
            params.put("status", c.status());
        }
        if (c.issuer() != null) {
            where.append(" AND issuer_org = :issuer");
            params.put("issuer", c.issuer());
        }
        if (c.text() != null) {
            where.append(withBody ? " AND (LOWER(title) LIKE :text OR LOWER(body) LIKE :text)" : " AND LOWER(title) LIKE :text");
            params.put("text", ListFilter.like(c.text()));
        }
        if (c.since() != null) {
            where.append(" AND published_at >= :since");
            params.put("since", c.since());
        }
        if (c.until() != null) {
            where.append(" AND published_at < :until");
            params.put("until", c.until());
        }
        return where.toString();
    }

    Notice publicNotice(long id) {
        return findPublished(id).orElseThrow(() -> Problems.notFound("notice", id));
    }

    /** Contact details removed, as {@link #published()}. */
    Optional<Notice> findPublished(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id AND status = 'PUBLISHED'").param("id", id).query(this::map).optional()
                .map(Notice::redacted);
    }

    Notice find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::map).optional()
                .orElseThrow(() -> Problems.notFound("notice", id));
    }

    private Notice map(ResultSet rs, int n) throws SQLException {
        return new Notice(rs.getLong("id"), rs.getString("title"), rs.getString("body"), rs.getString("issuer_org"),
                NoticeKind.valueOf(rs.getString("kind")), rs.getString("status"),
                rs.getObject("published_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
