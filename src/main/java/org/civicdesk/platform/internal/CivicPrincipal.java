package org.civicdesk.platform.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.civicdesk.directory.AccountCredentials;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.LastChange;
import org.civicdesk.shared.Role;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in account as Spring Security holds it. Serializable, because sessions are stored in
 * the database and read back by whichever node serves the next request.
 */
final class CivicPrincipal implements UserDetails, CredentialsContainer, Actor.Carrier {

    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String username;
    private final String displayName;
    private final String orgCode;
    private final List<Role> roles;
    private final boolean enabled;
    private String passwordHash;
    /**
     * Read with the credentials when the principal lives for one request (a bearer token); null in a
     * session, which outlives what was read at sign-in, and is not stored with it.
     */
    private final transient LastChange lastChange;
    /** The hash of a bearer token let in on what the node knew of it, for the write to confirm; else null. */
    private final transient String tokenToConfirm;

    CivicPrincipal(AccountCredentials account) {
        this(account, null, null);
    }

    /** The principal of one API request, which knows the account's last change as its token check read it. */
    static CivicPrincipal forRequest(AccountCredentials account) {
        return new CivicPrincipal(account, account.lastChange(), null);
    }

    /**
     * The principal of one API request let in on what the node resolved for the same token moments
     * before: the handler's write confirms the token ({@link org.civicdesk.shared.TokenConfirmedAtWrite}).
     * Its last change is unknown, as it was not read for this request.
     */
    static CivicPrincipal toConfirm(AccountCredentials account, String tokenHash) {
        return new CivicPrincipal(account, null, tokenHash);
    }

    private CivicPrincipal(AccountCredentials account, LastChange lastChange, String tokenToConfirm) {
        this.lastChange = lastChange;
        this.tokenToConfirm = tokenToConfirm;
        this.accountId = account.id();
        this.username = account.username();
        this.displayName = account.displayName();
        this.orgCode = account.orgCode();
        this.roles = List.copyOf(account.roles());
        this.enabled = account.enabled();
        this.passwordHash = account.passwordHash();
    }

    @Override
    public Optional<LastChange> lastChange() {
        return Optional.ofNullable(lastChange);
    }

    @Override
    public Optional<String> tokenToConfirm() {
        return Optional.ofNullable(tokenToConfirm);
    }

    @Override
    public Actor actor() {
        return new Actor(accountId, username, displayName, orgCode, java.util.Set.copyOf(roles));
    }

    public String getDisplayName() {
        return displayName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
