package org.civicdesk.notices.internal;

import java.net.URI;
import java.util.List;

import org.civicdesk.notices.NoticeCommand;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The notices API: administrators write, publish and withdraw; the public reads and follows the feed. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Notices", description = "Public notices and alerts, and their Atom feed")
class NoticesApiController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final NoticeService notices;
    private final AtomFeed feed;
    private final MessageSource messages;

    NoticesApiController(NoticeService notices, AtomFeed feed, MessageSource messages) {
        this.notices = notices;
        this.feed = feed;
        this.messages = messages;
    }

    @PostMapping("/notices")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Write a notice; published at once when publish is true, otherwise a draft")
    ResponseEntity<Notice> create(@RequestBody NoticeCommand cmd) {
        Notice notice = notices.create(cmd);
        return ResponseEntity.created(URI.create("/api/v1/notices/" + notice.id())).body(notice);
    }

    @GetMapping("/notices")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Every notice, drafts included")
    List<Notice> all() {
        return notices.all();
    }

    @PostMapping("/notices/{id}/publish")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Publish a draft notice")
    Notice publish(@PathVariable long id) {
        return notices.publish(id);
    }

    @PostMapping("/notices/{id}/withdraw")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Withdraw a published notice: it becomes a draft again, out of the public's sight")
    Notice withdraw(@PathVariable long id) {
        return notices.withdraw(id);
    }

    @GetMapping("/public/notices")
    @Operation(summary = "Published notices, latest first")
    List<Notice> published() {
        return notices.published();
    }

    @GetMapping("/public/notices/{id}")
    @Operation(summary = "A published notice")
    Notice notice(@PathVariable long id) {
        return notices.publicNotice(id);
    }

    @GetMapping(value = "/public/notices.atom", produces = "application/atom+xml")
    @Operation(summary = "An Atom 1.0 feed of published notices")
    ResponseEntity<String> atom() {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        String title = messages.getMessage("notices.feedTitle", null, LocaleContextHolder.getLocale());
        return ResponseEntity.ok().contentType(ATOM).body(feed.write(notices.published(), base, title));
    }
}
