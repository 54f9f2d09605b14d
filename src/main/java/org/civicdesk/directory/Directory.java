package org.civicdesk.directory;

import java.util.List;
import java.util.Optional;

/** Looks organisations and accounts up for other modules. */
public interface Directory {

    Optional<OrgSummary> findOrg(String code);

    /** Organisations whose code, name or district contains the query (all when it is blank), by kind and code. */
    List<OrgSummary> orgs(String query, OrgKind kind, int limit);

    Optional<AccountSummary> findAccount(String username);

    /** For sign-in only: the account with its password hash. */
    Optional<AccountCredentials> credentials(String username);

    /** For bearer tokens: the account by its numeric id. */
    Optional<AccountCredentials> credentials(long accountId);
}
