package org.civicdesk.directory.internal;

import java.util.List;

import org.civicdesk.directory.AccountCommand;
import org.civicdesk.directory.AccountSummary;
import org.civicdesk.directory.DirectoryCommands;
import org.civicdesk.directory.OrgCommand;
import org.civicdesk.directory.OrgSummary;
import org.civicdesk.directory.PersonCommand;
import org.civicdesk.directory.PersonSummary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The directory's commands for other modules, under the rule its API applies: an ADMIN gives them. */
@Service
@PreAuthorize("hasRole('ADMIN')")
class DirectoryFacade implements DirectoryCommands {

    private final DirectoryService directory;

    DirectoryFacade(DirectoryService directory) {
        this.directory = directory;
    }

    @Override
    public OrgSummary createOrg(OrgCommand org) {
        return directory.createOrg(org);
    }

    @Override
    public PersonSummary createPerson(PersonCommand person) {
        return DirectoryService.summary(directory.createPerson(person));
    }

    @Override
    public AccountSummary createAccount(AccountCommand account) {
        return directory.createAccount(account);
    }

    @Override
    public List<AccountSummary> createAccounts(List<AccountCommand> accounts) {
        return directory.createAccounts(accounts);
    }
}
