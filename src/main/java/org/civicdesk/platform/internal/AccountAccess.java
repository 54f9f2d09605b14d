package org.civicdesk.platform.internal;

import java.util.List;
import java.util.Map;

import org.civicdesk.audit.AuditTrail;
import org.civicdesk.directory.AccountCredentials;
import org.civicdesk.directory.Directory;
import org.civicdesk.shared.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator does about an account's access, for the API and the account's page; each
 * change is recorded in the audit trail with it.
 */
@Service
class AccountAccess {

    private final Directory directory;
    private final LoginThrottle throttle;
    private final ApiTokens tokens;
    private final AuditTrail audit;

    AccountAccess(Directory directory, LoginThrottle throttle, ApiTokens tokens, AuditTrail audit) {
        this.directory = directory;
        this.throttle = throttle;
        this.tokens = tokens;
        this.audit = audit;
    }

    @Transactional
    void unlock(String username) {
        AccountCredentials account = account(username);
        throttle.unlock(account.username());
        audit.record("account.signInUnlocked", "account", account.username(), null, Map.of("signInHeld", false));
    }

    List<ApiTokens.Listed> tokens(String username) {
        return tokens.active(account(username).id());
    }

    @Transactional
    void revoke(String username, long id) {
        AccountCredentials account = account(username);
        if (!tokens.revoke(account.id(), id)) {
            throw Problems.notFound("token", id);
        }
        audit.record("account.tokenRevoked", "account", account.username(), Map.of("token", id), null);
    }

    private AccountCredentials account(String username) {
        return directory.credentials(username).orElseThrow(() -> Problems.notFound("account", username));
    }
}
