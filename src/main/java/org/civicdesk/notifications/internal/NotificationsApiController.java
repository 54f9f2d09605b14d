package org.civicdesk.notifications.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.civicdesk.directory.Directory;
import org.civicdesk.directory.OrgSummary;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Notifications")
class NotificationsApiController {

    private final Notifications notifications;
    private final Directory directory;
    private final MessageSource messages;

    NotificationsApiController(Notifications notifications, Directory directory, MessageSource messages) {
        this.notifications = notifications;
        this.directory = directory;
        this.messages = messages;
    }

    record Notification(long id, String kind, Long matterId, Long caseId, String message, OffsetDateTime createdAt) {
    }

    @GetMapping("/api/v1/notifications")
    @Operation(summary = "提醒: what the caller should look at — its own, its department's (for a handler), its roles'")
    List<Notification> mine(@RequestParam(defaultValue = "50") int limit) {
        Actor actor = Actor.require();
        return notifications.of(actor.username(), actor.has(Role.HANDLER) ? actor.orgCode() : null,
                actor.roles().stream().map(Enum::name).toList(), Math.max(1, Math.min(limit, 200))).stream()
                .map(n -> new Notification(n.id(), n.kind(), n.matterId(), n.caseId(), text(n), n.createdAt()))
                .toList();
    }

    /** In the reader's language, from what the notification keeps; older ones kept their text. */
    private String text(Notifications.Notification n) {
        if (n.message() != null) {
            return n.message();
        }
        String org = n.orgCode() == null ? "" : directory.findOrg(n.orgCode()).map(OrgSummary::name)
                .orElse(n.orgCode());
        return messages.getMessage("notification." + n.kind(), new Object[] { n.matterId(), n.title(), org,
                n.dueDate() == null ? "" : n.dueDate().toString() }, LocaleContextHolder.getLocale());
    }
}
