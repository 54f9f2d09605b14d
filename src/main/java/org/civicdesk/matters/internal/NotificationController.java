package org.civicdesk.matters.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.civicdesk.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Matters")
class NotificationController {

    private final JdbcClient jdbc;

    NotificationController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Notification(long id, String kind, Long matterId, Long caseId, String message, OffsetDateTime createdAt) {
    }

    @GetMapping("/api/v1/notifications")
    @Operation(summary = "提醒: deadline reminders for the caller's department, escalations for supervisors")
    List<Notification> mine(@RequestParam(defaultValue = "50") int limit) {
        Actor actor = Actor.require();
        return jdbc.sql("""
                SELECT * FROM notification
                WHERE recipient = :me OR (recipient_org IS NOT NULL AND recipient_org = :org AND :handler = TRUE)
                   OR recipient_role IN (:roles)
                ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .param("me", actor.username()).param("org", actor.orgCode() == null ? "" : actor.orgCode())
                .param("handler", actor.has(org.civicdesk.shared.Role.HANDLER))
                .param("roles", actor.roles().stream().map(Enum::name).toList())
                .param("limit", Math.max(1, Math.min(limit, 200)))
                .query((rs, n) -> new Notification(rs.getLong("id"), rs.getString("kind"),
                        rs.getObject("matter_id", Long.class), rs.getObject("case_id", Long.class),
                        rs.getString("message"), rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }
}
