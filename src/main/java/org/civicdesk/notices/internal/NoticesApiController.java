package org.civicdesk.notices.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.civicdesk.notices.NoticeCommand;
import org.civicdesk.notices.internal.SearchIndex.Hit;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The notices API: administrators write and publish; the public reads, follows the feed and searches. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Notices and search", description = "Public notices and alerts, their Atom feed, and the public search")
class NoticesApiController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final NoticeService notices;
    private final AtomFeed feed;
    private final SearchIndex search;
    private final MessageSource messages;

    NoticesApiController(NoticeService notices, AtomFeed feed, SearchIndex search, MessageSource messages) {
        this.notices = notices;
        this.feed = feed;
        this.search = search;
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

    @GetMapping("/public/search")
    @Operation(summary = "Search public notices, calls, meetings and answers; kind filters (NOTICE, CALL, MEETING, "
            + "ANSWER); snippets are HTML-escaped with matches in <mark>")
    Map<String, List<Hit>> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) String kind) {
        return Map.of("hits", search.search(q, kind));
    }
}
