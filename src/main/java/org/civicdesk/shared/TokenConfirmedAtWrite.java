package org.civicdesk.shared;

/**
 * An API call whose handler confirms the caller's bearer token itself, in the transaction that writes
 * what the call asks: that the token is still the holder's, unexpired and not revoked, that the
 * holder still has the role the call needs, and the holder's name as it is now. Declared as a bean
 * by the module that serves the call, for the busiest writes of the city only (a payment channel's
 * donations on 99 Giving Day). For such a call the API's token filter may take the token's holder
 * from what this node resolved for the same token moments before, sparing each request a round trip
 * to the database; the write confirms every token of a batch in one statement, and a token revoked
 * meanwhile is refused there (401), a role taken away too (403), with nothing written for either.
 * Reads never take this path: a read has no write to confirm it.
 *
 * @param method  the HTTP method, such as {@code POST}
 * @param pattern the path pattern, such as {@code /api/v1/donations}
 */
public record TokenConfirmedAtWrite(String method, String pattern) {

    public TokenConfirmedAtWrite {
        if (method == null || method.equals("GET") || method.equals("HEAD") || pattern == null
                || !pattern.startsWith("/api/")) {
            throw new IllegalArgumentException("A writing method and an API path pattern: " + method + " " + pattern);
        }
    }
}
