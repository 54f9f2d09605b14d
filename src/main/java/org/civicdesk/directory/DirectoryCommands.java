package org.civicdesk.directory;

import java.util.List;

/**
 * What an administrator records in the directory, for other modules that record on someone's
 * behalf (the demo city does). Each command is the one the directory's API takes, refused unless
 * the acting person is an ADMIN, checked and audited as the API does.
 */
public interface DirectoryCommands {

    OrgSummary createOrg(OrgCommand org);

    PersonSummary createPerson(PersonCommand person);

    /** The password is held to the same minimum length as on the API. */
    AccountSummary createAccount(AccountCommand account);

    /**
     * Creates several accounts, all or none, each as {@link #createAccount} would; a password that several
     * of them share is hashed once and that hash kept for each.
     */
    List<AccountSummary> createAccounts(List<AccountCommand> accounts);
}
