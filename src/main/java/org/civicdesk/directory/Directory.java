package org.civicdesk.directory;

import java.util.Optional;

/** Looks organisations and accounts up for other modules. */
public interface Directory {

    Optional<OrgSummary> findOrg(String code);

    Optional<AccountSummary> findAccount(String username);

    /** For sign-in only: the account with its password hash. */
    Optional<AccountCredentials> credentials(String username);

    /** For bearer tokens: the account by its numeric id. */
    Optional<AccountCredentials> credentials(long accountId);
}
