package org.civicdesk.platform.internal;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Public")
class PublicApiController {

    private static final Map<String, String> PONG = Map.of("status", "ok");

    /** A constant answer: the reference that benchmarks measure other endpoints against. */
    @GetMapping("/api/v1/public/ping")
    @Operation(summary = "A constant answer, for liveness checks and benchmarks")
    Map<String, String> ping() {
        return PONG;
    }
}
