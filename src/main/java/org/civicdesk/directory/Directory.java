package org.civicdesk.directory;

import java.util.List;
import java.util.Optional;

import org.civicdesk.shared.LastChange;

/** Looks organisations and accounts up for other modules. */
public interface Directory {

    Optional<OrgSummary> findOrg(String code);

    /** Organisations whose code, name or district contains the query (all when it is blank), by kind and code. */
    List<OrgSummary> orgs(String query, OrgKind kind, int limit);

    Optional<AccountSummary> findAccount(String username);

    /** For sign-in only: the account with its password hash. */
    Optional<AccountCredentials> credentials(String username);

    /**
     * For sign-in only: replaces the account's password hash {@code oldHash} with {@code newHash}, a hash
     * of the same password made with a stronger algorithm. The password does not change, so nothing
     * granted on it ends; if the hash changed meanwhile (a new password), it is left alone.
     */
    void rehashPassword(long accountId, String oldHash, String newHash);

    /** The contact details of the person the account belongs to, if it belongs to one. */
    Optional<AccountContact> contactOf(String username);

    /** The enabled accounts that handle matters for an organisation (its 承办人员). */
    List<String> handlersOf(String orgCode);

    /** The account by its numeric id. */
    Optional<AccountCredentials> credentials(long accountId);

    Optional<PersonSummary> findPerson(long id);

    /** Everyone of exactly this name; names are not unique, so the caller picks by organisation. */
    List<PersonSummary> findPeopleNamed(String name);

    /**
     * Marks, in the caller's transaction, that the account has just changed something that other
     * nodes may show from memory for a moment: whoever carries a recent mark is read from the
     * database on every node. Marks are kept two minutes, longer than any staleness and clock skew
     * a module may allow.
     */
    void noteChange(long accountId);

    /** The account's latest mark ({@link #noteChange}), for requests that did not read it with a token. */
    LastChange lastChange(long accountId);
}
