package org.civicdesk.directory;

import java.time.OffsetDateTime;
import java.util.Optional;

/** Looks organisations and accounts up for other modules. */
public interface Directory {

    /**
     * The {@link org.civicdesk.shared.Changes} topic that the directory marks whenever an account's
     * standing changes (disabled or enabled), for those that keep accounts in memory.
     */
    String ACCOUNTS_CHANGED = "accounts";

    Optional<OrgSummary> findOrg(String code);

    Optional<AccountSummary> findAccount(String username);

    /** For sign-in only: the account with its password hash. */
    Optional<AccountCredentials> credentials(String username);

    /** The account by its numeric id. */
    Optional<AccountCredentials> credentials(long accountId);

    /**
     * For bearer tokens, on every API request: the account holding the token whose SHA-256 (in hex) is
     * {@code tokenHash}, if that token expires after {@code now}. Disabling an account deletes its tokens.
     */
    Optional<AccountCredentials> credentialsForToken(String tokenHash, OffsetDateTime now);
}
