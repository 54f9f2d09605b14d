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

    Optional<PersonSummary> findPerson(long id);

    /** Everyone of exactly this name; names are not unique, so the caller picks by organisation. */
    List<PersonSummary> findPeopleNamed(String name);

    /**
     * Records a person with one post, checked and audited like any other.
     *
     * @param orgCode their organisation, or {@code null}
     * @param example whether the person is made up for the demo (示例), standing in for people a
     *        source only counts
     */
    PersonSummary createPerson(String name, String orgCode, String title, boolean example);
}
