package org.civicdesk.shared;

import java.util.List;

/**
 * API paths that only holders of a role may call, declared as a bean by the module that serves
 * them and enforced by the API's security filter chain before the request reaches a controller.
 * For the hottest machine-to-machine endpoints (a payment channel's donations): one URL rule per
 * request is cheaper than evaluating a method-security expression per call, and refuses the same
 * way (401 without a token, 403 {@code FORBIDDEN} with the wrong role).
 *
 * @param role     the role required
 * @param patterns path patterns, such as {@code /api/v1/donations/**}
 */
public record RoleRestrictedApi(Role role, List<String> patterns) {

    public RoleRestrictedApi {
        patterns = List.copyOf(patterns);
        if (patterns.isEmpty() || patterns.stream().anyMatch(p -> !p.startsWith("/api/"))) {
            throw new IllegalArgumentException("API path patterns, at least one: " + patterns);
        }
    }
}
