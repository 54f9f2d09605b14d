package org.civicdesk.directory;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Who holds an API bearer token: asked on every API request that carries one. */
public interface TokenHolders {

    /**
     * The account holding the token whose SHA-256 (in hex) is {@code tokenHash}, if that token expires
     * after {@code now}. Disabling an account deletes its tokens.
     */
    Optional<AccountCredentials> holder(String tokenHash, OffsetDateTime now);

    /**
     * The holders of several tokens at once, in one statement and in the caller's transaction, by
     * token hash; a token unknown, expired or revoked is not in the answer. For a write that confirms
     * the tokens of a batch of requests ({@link org.civicdesk.shared.TokenConfirmedAtWrite}).
     */
    Map<String, AccountCredentials> holders(Collection<String> tokenHashes, OffsetDateTime now);
}
