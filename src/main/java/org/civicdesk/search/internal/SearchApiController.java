package org.civicdesk.search.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.civicdesk.search.internal.SearchIndex.Hit;
import org.civicdesk.search.internal.SearchRebuild.Rebuilt;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The public search, and the administrators' rebuild of it. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Search", description = "The public full-text search over everything the platform publishes")
class SearchApiController {

    private final SearchIndex index;
    private final SearchRebuild rebuild;

    SearchApiController(SearchIndex index, SearchRebuild rebuild) {
        this.index = index;
        this.rebuild = rebuild;
    }

    @GetMapping("/public/search")
    @Operation(summary = "Search public notices, calls, meetings, answers, places, honours, charity campaigns, "
            + "special-bond projects and technology-transfer deals; kind filters (NOTICE, CALL, MEETING, ANSWER, "
            + "PLACE, HONOUR, CAMPAIGN, PROJECT, DEAL, SERIES); from and to (ISO days) keep what is of those days; "
            + "snippets are HTML-escaped with matches in <mark>")
    Map<String, List<Hit>> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
        return Map.of("hits", index.search(q, kind, from, to));
    }

    @PostMapping("/search/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Bring the search in line with what every module publishes now, on every node; "
            + "documents counts what is published, changed what had to be rewritten")
    Rebuilt rebuild() {
        return rebuild.rebuild();
    }
}
