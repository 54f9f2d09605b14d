package org.civicdesk.directory.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civicdesk.directory.AccountCredentials;
import org.civicdesk.directory.TokenHolders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every API request with a token asks this, so it is one statement, and the bean has no transactional
 * proxy: a transaction's interceptor, even one that only joins a transaction if there is one, looks
 * up its manager and qualifiers on each call, a cost the city's busiest paths paid on every request
 * for nothing.
 */
@Component
class TokenAccounts implements TokenHolders {

    private final JdbcClient jdbc;

    TokenAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<AccountCredentials> holder(String tokenHash, OffsetDateTime now) {
        return Optional.ofNullable(holders(List.of(tokenHash), now).get(tokenHash));
    }

    @Override
    public Map<String, AccountCredentials> holders(Collection<String> tokenHashes, OffsetDateTime now) {
        Map<String, AccountCredentials> holders = new LinkedHashMap<>();
        if (tokenHashes.isEmpty()) {
            return holders;
        }
        AccountRows.byKey(jdbc, "t.token_hash", "api_token t JOIN account a ON a.id = t.account_id",
                "t.token_hash IN (:hashes) AND t.expires_at > :now", Map.of("hashes", tokenHashes, "now", now))
                .forEach((hash, account) -> holders.put((String) hash, account));
        return holders;
    }
}
