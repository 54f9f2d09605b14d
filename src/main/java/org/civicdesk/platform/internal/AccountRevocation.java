package org.civicdesk.platform.internal;

import org.civicdesk.directory.AccountChanged;
import org.springframework.context.event.EventListener;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends what was granted on an account's old standing when it changes: its API tokens when it is
 * disabled or its password changes, its sign-in sessions, which keep the roles they began with, also
 * when its roles change. Both live in the database, so every node refuses them at once. It listens in
 * the transaction of the change, so that the change and the revocation of its tokens commit together.
 */
@Component
class AccountRevocation {

    private final ApiTokens tokens;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    AccountRevocation(ApiTokens tokens, FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @EventListener
    void on(AccountChanged changed) {
        if (changed.revokesCredentials()) {
            tokens.revokeAll(changed.accountId());
        }
        if (changed.endsSessions()) {
            sessions.findByPrincipalName(changed.username()).keySet().forEach(sessions::deleteById);
        }
    }
}
