package org.civicdesk.notifications.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.civicdesk.shared.Actor;
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
    private final NotificationTexts texts;

    NotificationsApiController(Notifications notifications, NotificationTexts texts) {
        this.notifications = notifications;
        this.texts = texts;
    }

    record Notification(long id, String kind, Long matterId, Long caseId, String message, OffsetDateTime createdAt) {
    }

    @GetMapping("/api/v1/notifications")
    @Operation(summary = "提醒: what the caller should look at — its own, its department's (for a handler), its roles'")
    List<Notification> mine(@RequestParam(defaultValue = "50") int limit) {
        Actor actor = Actor.require();
        return notifications.of(Notifications.Reader.of(actor), 0, Math.max(1, Math.min(limit, 200))).stream()
                .map(n -> new Notification(n.id(), n.kind(), n.matterId(), n.caseId(),
                        texts.text(n, LocaleContextHolder.getLocale()), n.createdAt()))
                .toList();
    }
}
