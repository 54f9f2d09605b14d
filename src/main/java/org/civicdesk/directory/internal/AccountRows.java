package org.civicdesk.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.civicdesk.directory.AccountCredentials;
import org.civicdesk.shared.LastChange;
import org.civicdesk.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads accounts with their roles (one row per role) and their latest change mark, in one statement.
 */
final class AccountRows {

    private static final String SELECT = """
            SELECT %s AS row_key, a.id, a.username, a.password_hash, a.display_name, o.code AS org_code, a.enabled,
                   r.role, (SELECT MAX(c.at) FROM account_change c WHERE c.account_id = a.id) AS last_change
            FROM %s LEFT JOIN org o ON o.id = a.org_id LEFT JOIN account_role r ON r.account_id = a.id
            WHERE\s""";

    private AccountRows() {
    }

    /** The account that meets {@code condition}, a condition on {@code account a}. */
    static Optional<AccountCredentials> find(JdbcClient jdbc, String condition, Map<String, Object> params) {
        return Optional.ofNullable(byKey(jdbc, "a.id", "account a", condition, params).values().stream()
                .findFirst().orElse(null));
    }

    /**
     * The accounts of the rows {@code from} and {@code condition} select, by {@code key}, an
     * expression of those rows: several keys may name one account.
     */
    static Map<Object, AccountCredentials> byKey(JdbcClient jdbc, String key, String from, String condition,
            Map<String, ?> params) {
        Map<Object, AccountCredentials> accounts = new LinkedHashMap<>();
        jdbc.sql(SELECT.formatted(key, from) + condition).params(params).query((ResultSet rs) -> {
            Object rowKey = rs.getObject("row_key");
            AccountCredentials known = accounts.get(rowKey);
            Set<Role> roles = EnumSet.noneOf(Role.class);
            if (known != null) {
                roles.addAll(known.roles());
            }
            if (rs.getString("role") != null) {
                roles.add(Role.valueOf(rs.getString("role")));
            }
            accounts.put(rowKey, new AccountCredentials(rs.getLong("id"), rs.getString("username"),
                    rs.getString("password_hash"), rs.getString("display_name"), rs.getString("org_code"), roles,
                    rs.getBoolean("enabled"), new LastChange(lastChange(rs))));
        });
        return accounts;
    }

    static Instant lastChange(ResultSet rs) throws SQLException {
        OffsetDateTime at = rs.getObject("last_change", OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
