package org.civicdesk.directory;

import java.util.List;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Looks organisations and accounts up for other modules. */
public interface Directory {

    Optional<OrgSummary> findOrg(String code);

    /** Organisations whose code, name or district contains the query (all when it is blank), by kind and code. */
    List<OrgSummary> orgs(String query, OrgKind kind, int limit);

    Optional<AccountSummary> findAccount(String username);

    /** For sign-in only: the account with its password hash. */
    Optional<AccountCredentials> credentials(String username);

    /** The account by its numeric id. */
    Optional<AccountCredentials> credentials(long accountId);

    Optional<PersonSummary> findPerson(long id);

    /** Everyone of exactly this name; names are not unique, so the caller picks by organisation. */
    List<PersonSummary> findPeopleNamed(String name);

    /**
     * For bearer tokens, on every API request: the account holding the token whose SHA-256 (in hex) is
     * {@code tokenHash}, if that token expires after {@code now}. Disabling an account deletes its tokens.
     */
    Optional<AccountCredentials> credentialsForToken(String tokenHash, OffsetDateTime now);
}
