package org.civicdesk.platform.internal;

import org.civicdesk.directory.AccountChanged;
import org.springframework.context.event.EventListener;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends what was granted on an account's old standing when it changes: its API tokens and its
 * sign-in sessions on every node (both live in the database). It listens in the transaction of the
 * change, so that the change and the revocation of its tokens commit together and no request after
 * the change is served on the old standing.
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
        if (!changed.revokesSignIns()) {
            return;
        }
        tokens.revokeAll(changed.accountId());
        sessions.findByPrincipalName(changed.username()).keySet().forEach(sessions::deleteById);
    }
}
