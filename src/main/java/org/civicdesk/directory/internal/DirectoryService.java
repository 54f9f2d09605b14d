package org.civicdesk.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.civicdesk.audit.AuditTrail;
import org.civicdesk.directory.AccountCommand;
import org.civicdesk.directory.AccountChanged;
import org.civicdesk.directory.AccountContact;
import org.civicdesk.directory.AccountCredentials;
import org.civicdesk.directory.AccountSummary;
import org.civicdesk.directory.Contact;
import org.civicdesk.directory.Directory;
import org.civicdesk.directory.OrgCommand;
import org.civicdesk.directory.OrgKind;
import org.civicdesk.directory.OrgSummary;
import org.civicdesk.directory.PersonCommand;
import org.civicdesk.directory.PersonSummary;
import org.civicdesk.directory.PostCommand;
import org.civicdesk.directory.ResidentAccounts;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.LastChange;
import org.civicdesk.shared.AccountNames;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Keeps organisations, people and accounts; every change is checked whole and audited. */
@Service
@Transactional(readOnly = true)
class DirectoryService implements Directory, ResidentAccounts, AccountNames {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-@]{2,63}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{5,40}");

    private static final String ORG_SELECT = """
            SELECT o.code, o.name, o.name_en, o.kind, p.code AS parent_code, o.district, o.example, o.external
            FROM org o LEFT JOIN org p ON p.id = o.parent_id""";

    /** Longer than any read staleness plus clock skew between nodes that a module allows (matters: 1 s + 1 min). */
    static final Duration CHANGE_MARKS_KEPT = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    DirectoryService(JdbcClient jdbc, PasswordEncoder passwords, AuditTrail audit, Clock clock,
            ApplicationEventPublisher events, MessageSource messages) {
        this.events = events;
        this.messages = messages;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    // --- organisations

    @Override
    public Optional<OrgSummary> findOrg(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.sql(ORG_SELECT + " WHERE o.code = :code").param("code", code).query(DirectoryService::org)
                .optional();
    }

    OrgSummary org(String code) {
        return findOrg(code).orElseThrow(() -> Problems.notFound("org", code));
    }

    @Override
    public List<OrgSummary> orgs(String query, OrgKind kind, int limit) {
        StringBuilder sql = new StringBuilder(ORG_SELECT).append(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (query != null && !query.isBlank()) {
            sql.append(" AND (LOWER(o.code) LIKE :q OR LOWER(o.name) LIKE :q OR LOWER(o.name_en) LIKE :q "
                    + "OR LOWER(o.district) LIKE :q)");
            params.put("q", "%" + query.trim().toLowerCase() + "%");
        }
        if (kind != null) {
            sql.append(" AND o.kind = :kind");
            params.put("kind", kind.name());
        }
        sql.append(" ORDER BY o.kind, o.code LIMIT :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(DirectoryService::org).list();
    }

    long countOrgs() {
        return jdbc.sql("SELECT COUNT(*) FROM org").query(Long.class).single();
    }

    @Transactional
    OrgSummary createOrg(OrgCommand cmd) {
        Checks checks = new Checks();
        checks.required("code", cmd.code()).maxLength("code", cmd.code(), 64)
                .matches("code", cmd.code(), CODE, "validation.code");
        OrgKind kind = checkOrg(cmd, checks);
        Long parentId = parentId(cmd.parentCode(), checks);
        checks.throwIfAny();
        String code = cmd.code().trim();
        // A code is unique whatever its case (migration 23): people type org codes everywhere.
        if (jdbc.sql("SELECT COUNT(*) FROM org WHERE LOWER(code) = LOWER(:code)").param("code", code)
                .query(Long.class).single() > 0) {
            throw Problems.duplicate("code", code);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                INSERT INTO org (code, name, name_en, kind, parent_id, district, external, created_at, updated_at)
                VALUES (:code, :name, :nameEn, :kind, :parent, :district, :external, :now, :now)""")
                .param("code", code).param("name", cmd.name().trim()).param("nameEn", blankToNull(cmd.nameEn()))
                .param("kind", kind.name())
                .param("external", Boolean.TRUE.equals(cmd.external()))
                .param("parent", parentId).param("district", blankToNull(cmd.district())).param("now", now).update();
        OrgSummary created = org(code);
        audit.record("org.created", "org", code, null, created);
        return created;
    }

    @Transactional
    OrgSummary updateOrg(String code, OrgCommand cmd) {
        OrgSummary before = org(code);
        Checks checks = new Checks();
        checks.check(cmd.code() == null || cmd.code().isBlank() || cmd.code().trim().equals(code), "code",
                "validation.codeImmutable");
        OrgKind kind = checkOrg(cmd, checks);
        Long parentId = parentId(cmd.parentCode(), checks);
        if (parentId != null && createsCycle(code, cmd.parentCode().trim())) {
            checks.add("parentCode", "validation.parentCycle");
        }
        checks.throwIfAny();
        jdbc.sql("""
                UPDATE org SET name = :name, kind = :kind, parent_id = :parent, district = :district,
                       external = COALESCE(CAST(:external AS BOOLEAN), external),
                       name_en = NULLIF(COALESCE(CAST(:nameEn AS VARCHAR(200)), name_en), ''),
                       version = version + 1, updated_at = :now
                WHERE code = :code""")
                .param("name", cmd.name().trim()).param("nameEn", cmd.nameEn() == null ? null : cmd.nameEn().trim()).param("kind", kind.name()).param("parent", parentId)
                .param("external", cmd.external())
                .param("district", blankToNull(cmd.district())).param("now", OffsetDateTime.now(clock))
                .param("code", code).update();
        OrgSummary after = org(code);
        audit.record("org.updated", "org", code, before, after);
        return after;
    }

    private OrgKind checkOrg(OrgCommand cmd, Checks checks) {
        checks.required("name", cmd.name()).maxLength("name", cmd.name(), 200);
        checks.maxLength("nameEn", cmd.nameEn(), 200);
        checks.required("kind", cmd.kind());
        OrgKind kind = checks.oneOf("kind", cmd.kind(), OrgKind.class);
        checks.maxLength("district", cmd.district(), 100);
        return kind;
    }

    private Long parentId(String parentCode, Checks checks) {
        if (parentCode == null || parentCode.isBlank()) {
            return null;
        }
        Optional<Long> id = orgId(parentCode.trim());
        checks.check(id.isPresent(), "parentCode", "validation.unknownOrg", parentCode);
        return id.orElse(null);
    }

    private boolean createsCycle(String code, String parentCode) {
        String current = parentCode;
        for (int depth = 0; current != null && depth < 100; depth++) {
            if (current.equals(code)) {
                return true;
            }
            current = findOrg(current).map(OrgSummary::parentCode).orElse(null);
        }
        return false;
    }

    Optional<Long> orgId(String code) {
        return jdbc.sql("SELECT id FROM org WHERE code = :code").param("code", code).query(Long.class).optional();
    }

    private static OrgSummary org(ResultSet rs, int row) throws SQLException {
        return new OrgSummary(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
                OrgKind.valueOf(rs.getString("kind")),
                rs.getString("parent_code"), rs.getString("district"), rs.getBoolean("example"),
                rs.getBoolean("external"));
    }

    // --- accounts

    @Override
    public Map<String, String> displayNames(Collection<String> usernames) {
        Set<String> wanted = new HashSet<>();
        usernames.stream().filter(Objects::nonNull).forEach(u -> wanted.add(u.toLowerCase(Locale.ROOT)));
        if (wanted.isEmpty()) {
            return Map.of();
        }
        Map<String, String> byLowerCase = new HashMap<>();
        jdbc.sql("SELECT username, display_name FROM account WHERE LOWER(username) IN (:u)").param("u", wanted)
                .query((ResultSet rs) -> {
                    byLowerCase.put(rs.getString("username").toLowerCase(Locale.ROOT), rs.getString("display_name"));
                });
        Map<String, String> names = new HashMap<>();
        for (String u : usernames) {
            if (u != null && byLowerCase.containsKey(u.toLowerCase(Locale.ROOT))) {
                names.put(u, byLowerCase.get(u.toLowerCase(Locale.ROOT)));
            }
        }
        if (usernames.contains(ANONYMOUS)) {
            names.put(ANONYMOUS, messages.getMessage("account.anonymous", null, LocaleContextHolder.getLocale()));
        }
        return names;
    }

    @Override
    public Optional<AccountSummary> findAccount(String username) {
        return credentials(username).map(DirectoryService::summary);
    }

    @Override
    public Optional<AccountCredentials> credentials(String username) {
        if (username == null) {
            return Optional.empty();
        }
        // A username is unique whatever its case (migration 23), so "Admin" signs in as "admin".
        return accountWhere("LOWER(a.username) = LOWER(:key)", Map.of("key", username));
    }

    @Override
    public Optional<AccountCredentials> credentials(long accountId) {
        return accountWhere("a.id = :key", Map.of("key", accountId));
    }

    @Override
    @Transactional
    public void rehashPassword(long accountId, String oldHash, String newHash) {
        jdbc.sql("UPDATE account SET password_hash = :new WHERE id = :id AND password_hash = :old")
                .param("new", newHash).param("id", accountId).param("old", oldHash).update();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void noteChange(long accountId) {
        jdbc.sql("INSERT INTO account_change (account_id, at) VALUES (:a, :at)").param("a", accountId)
                .param("at", OffsetDateTime.now(clock)).update();
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public LastChange lastChange(long accountId) {
        List<Instant> latest = jdbc.sql("SELECT MAX(at) AS last_change FROM account_change WHERE account_id = :a")
                .param("a", accountId).query((rs, n) -> AccountRows.lastChange(rs)).list();
        return new LastChange(latest.isEmpty() ? null : latest.get(0));
    }

    /** Marks older than any staleness and clock skew allowed are of no further use; one node clears them. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    @SchedulerLock(name = "directory.clearChangeMarks", lockAtMostFor = "5m")
    @Transactional
    public void clearOldChangeMarks() {
        jdbc.sql("DELETE FROM account_change WHERE at < :before")
                .param("before", OffsetDateTime.now(clock).minus(CHANGE_MARKS_KEPT)).update();
    }


    private Optional<AccountCredentials> accountWhere(String condition, Map<String, Object> params) {
        return AccountRows.find(jdbc, condition, params);
    }

    @Override
    public Optional<AccountContact> contactOf(String username) {
        return jdbc.sql("""
                SELECT p.email, p.phone FROM account a JOIN person p ON p.id = a.person_id WHERE a.username = :u""")
                .param("u", username).query((rs, n) -> new AccountContact(rs.getString("email"), rs.getString("phone")))
                .optional();
    }

    @Override
    public List<String> handlersOf(String orgCode) {
        return jdbc.sql("""
                SELECT a.username FROM account a JOIN org o ON o.id = a.org_id
                JOIN account_role r ON r.account_id = a.id AND r.role = 'HANDLER'
                WHERE o.code = :org AND a.enabled ORDER BY a.username""")
                .param("org", orgCode).query(String.class).list();
    }

    List<AccountSummary> accounts(String query, int limit) {
        String q = query == null ? "" : query.trim().toLowerCase();
        return jdbc.sql("""
                SELECT a.username FROM account a
                WHERE :q = '' OR LOWER(a.username) LIKE :like OR LOWER(a.display_name) LIKE :like
                ORDER BY a.username LIMIT :limit""")
                .param("q", q).param("like", "%" + q + "%").param("limit", limit)
                .query(String.class).list().stream()
                .map(u -> findAccount(u).orElseThrow()).toList();
    }

    private static final String ACCOUNT_FILTER = """
             WHERE (CAST(:like AS VARCHAR(300)) IS NULL OR LOWER(a.username) LIKE :like
                    OR LOWER(a.display_name) LIKE :like)
              AND (CAST(:role AS VARCHAR(32)) IS NULL
                   OR EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id AND r.role = :role))""";

    /**
     * A page of the accounts, by username, whose username or name matches {@code like} (a lower-case
     * {@code LIKE} pattern) and that have {@code role}; {@code null} asks for all.
     */
    List<AccountSummary> accounts(String like, Role role, long offset, int limit) {
        return jdbc.sql("SELECT a.username FROM account a " + ACCOUNT_FILTER
                + " ORDER BY a.username LIMIT :limit OFFSET :offset")
                .param("like", like).param("role", role == null ? null : role.name()).param("limit", limit)
                .param("offset", offset).query(String.class).list().stream()
                .map(u -> findAccount(u).orElseThrow()).toList();
    }

    /** How many accounts {@link #accounts(String, Role, long, int)} pages through. */
    long accountCount(String like, Role role) {
        return jdbc.sql("SELECT COUNT(*) FROM account a " + ACCOUNT_FILTER).param("like", like)
                .param("role", role == null ? null : role.name()).query(Long.class).single();
    }

    boolean hasAccounts() {
        return jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single() > 0;
    }

    @Transactional
    AccountSummary createAccount(AccountCommand cmd) {
        return createAccount(cmd, true);
    }

    /**
     * @param passwordPolicy whether to hold the password to the minimum length; off only for the
     *        bootstrap admin, whose password the operator chose in the environment
     */
    @Transactional
    AccountSummary createAccount(AccountCommand cmd, boolean passwordPolicy) {
        return createAccount(cmd, passwordPolicy, passwords::encode);
    }

    /**
     * Creates the accounts in order, all or none; a password that several share is hashed once, at full
     * strength, and that hash stored for each: Argon2 is slow by design, and the demo city's accounts
     * share one password.
     */
    @Transactional
    List<AccountSummary> createAccounts(List<AccountCommand> cmds) {
        Map<String, String> hashes = new HashMap<>();
        return cmds.stream()
                .map(cmd -> createAccount(cmd, true, password -> hashes.computeIfAbsent(password, passwords::encode)))
                .toList();
    }

    private AccountSummary createAccount(AccountCommand cmd, boolean passwordPolicy, UnaryOperator<String> hash) {
        Checks checks = new Checks();
        checks.required("username", cmd.username()).maxLength("username", cmd.username(), 64)
                .matches("username", cmd.username(), USERNAME, "validation.username");
        checks.required("password", cmd.password()).maxLength("password", cmd.password(), 128);
        if (passwordPolicy) {
            checks.minLength("password", cmd.password(), 8);
        }
        checks.required("displayName", cmd.displayName()).maxLength("displayName", cmd.displayName(), 100);
        Set<Role> roles = roles(checks, cmd.roles());
        Long orgId = null;
        if (cmd.orgCode() != null && !cmd.orgCode().isBlank()) {
            orgId = orgId(cmd.orgCode().trim()).orElse(null);
            checks.check(orgId != null, "orgCode", "validation.unknownOrg", cmd.orgCode());
        } else if (roles.contains(Role.HANDLER)) {
            checks.add("orgCode", "validation.handlerNeedsOrg");
        }
        if (cmd.personId() != null) {
            checks.check(jdbc.sql("SELECT COUNT(*) FROM person WHERE id = :id").param("id", cmd.personId())
                    .query(Long.class).single() > 0, "personId", "validation.unknownPerson", cmd.personId());
        }
        checks.throwIfAny();
        String username = cmd.username().trim();
        if (credentials(username).isPresent()) {
            throw Problems.duplicate("username", username);
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO account (username, password_hash, display_name, person_id, org_id, enabled, created_at)
                VALUES (:username, :hash, :displayName, :person, :org, TRUE, :now)""")
                .param("username", username).param("hash", hash.apply(cmd.password()))
                .param("displayName", cmd.displayName().trim()).param("person", cmd.personId()).param("org", orgId)
                .param("now", OffsetDateTime.now(clock)).update(keys, "id");
        long id = keys.getKey().longValue();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO account_role (account_id, role) VALUES (:id, :role)").param("id", id)
                    .param("role", role.name()).update();
        }
        AccountSummary created = findAccount(username).orElseThrow();
        audit.record("account.created", "account", username, null, created);
        return created;
    }

    /**
     * Changes an account: name, roles, organisation, whether it may sign in, and optionally its
     * password; {@link AccountChanged} tells whoever keeps something granted on its old standing.
     */
    @Transactional
    AccountSummary updateAccount(String username, AccountUpdate cmd) {
        AccountCredentials current = credentials(username).orElseThrow(() -> Problems.notFound("account", username));
        AccountSummary before = summary(current);
        Checks checks = new Checks();
        checks.required("displayName", cmd.displayName()).maxLength("displayName", cmd.displayName(), 100);
        Set<Role> roles = roles(checks, cmd.roles());
        Long orgId = null;
        if (cmd.orgCode() != null && !cmd.orgCode().isBlank()) {
            orgId = orgId(cmd.orgCode().trim()).orElse(null);
            checks.check(orgId != null, "orgCode", "validation.unknownOrg", cmd.orgCode());
        } else if (roles.contains(Role.HANDLER)) {
            checks.add("orgCode", "validation.handlerNeedsOrg");
        }
        checks.minLength("password", cmd.password(), 8).maxLength("password", cmd.password(), 128);
        boolean enabled = cmd.enabled() == null || cmd.enabled();
        if ("admin".equals(username) && (!enabled || !roles.contains(Role.ADMIN))) {
            checks.add("roles", "validation.keepAdmin");
        }
        checks.throwIfAny();
        jdbc.sql("UPDATE account SET display_name = :name, org_id = :org, enabled = :enabled WHERE id = :id")
                .param("name", cmd.displayName().trim()).param("org", orgId).param("enabled", enabled)
                .param("id", current.id()).update();
        jdbc.sql("DELETE FROM account_role WHERE account_id = :id").param("id", current.id()).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO account_role (account_id, role) VALUES (:id, :role)").param("id", current.id())
                    .param("role", role.name()).update();
        }
        boolean newPassword = cmd.password() != null && !cmd.password().isBlank();
        if (newPassword) {
            jdbc.sql("UPDATE account SET password_hash = :hash WHERE id = :id")
                    .param("hash", passwords.encode(cmd.password())).param("id", current.id()).update();
        }
        AccountSummary after = findAccount(username).orElseThrow();
        events.publishEvent(new AccountChanged(current.id(), username, !enabled, newPassword,
                !before.roles().equals(after.roles()) || !Objects.equals(before.orgCode(), after.orgCode()),
                clock.instant()));
        audit.record(newPassword ? "account.updatedWithPassword" : "account.updated", "account", username, before,
                after);
        return after;
    }

    // --- residents' own accounts

    @Override
    public Optional<String> usernameByContact(Contact contact) {
        return jdbc.sql("SELECT username FROM account WHERE " + (contact.phone() ? "phone" : "email") + " = :c")
                .param("c", contact.value()).query(String.class).optional();
    }

    @Override
    @Transactional
    public AccountSummary open(Contact contact, String displayName, String passwordHash, String privacyNoticeVersion,
            Instant consentedAt) {
        if (usernameByContact(contact).isPresent() || credentials(contact.value()).isPresent()) {
            throw ResidentAccounts.taken();
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO account (username, password_hash, display_name, enabled, created_at, phone, email,
                                     privacy_notice_version, privacy_consented_at)
                VALUES (:username, :hash, :displayName, TRUE, :now, :phone, :email, :notice, :consented)""")
                .param("username", contact.value()).param("hash", passwordHash)
                .param("displayName", displayName.strip()).param("now", OffsetDateTime.now(clock))
                .param("phone", contact.phone() ? contact.value() : null)
                .param("email", contact.phone() ? null : contact.value()).param("notice", privacyNoticeVersion)
                .param("consented", consentedAt.atOffset(ZoneOffset.UTC)).update(keys, "id");
        jdbc.sql("INSERT INTO account_role (account_id, role) VALUES (:id, :role)")
                .param("id", keys.getKey().longValue()).param("role", Role.RAISER.name()).update();
        AccountSummary opened = findAccount(contact.value()).orElseThrow();
        audit.record("account.signedUp", "account", opened.username(), null,
                Map.of("roles", opened.roles(), "privacyNotice", privacyNoticeVersion));
        return opened;
    }

    @Override
    @Transactional
    public void resetPassword(String username, String newPassword) {
        AccountCredentials account = credentials(username).orElseThrow(() -> Problems.notFound("account", username));
        new Checks().required("password", newPassword).minLength("password", newPassword, 8)
                .maxLength("password", newPassword, 128).throwIfAny();
        jdbc.sql("UPDATE account SET password_hash = :hash WHERE id = :id")
                .param("hash", passwords.encode(newPassword)).param("id", account.id()).update();
        events.publishEvent(new AccountChanged(account.id(), account.username(), false, true, false, clock.instant()));
        audit.record("account.passwordReset", "account", account.username(), null, null);
    }

    /** The roles named, each one a known role: an empty entry is refused, not dropped. */
    private static Set<Role> roles(Checks checks, List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names == null || names.isEmpty()) {
            checks.add("roles", "validation.required");
            return roles;
        }
        for (String name : names) {
            if (name == null || name.isBlank()) {
                checks.add("roles", "validation.oneOf", String.join(", ", Arrays.stream(Role.values()).map(Role::name).toList()));
                break;
            }
            Role role = checks.oneOf("roles", name, Role.class);
            if (role == null) {
                break;
            }
            roles.add(role);
        }
        return roles;
    }

    record AccountUpdate(String displayName, List<String> roles, String orgCode, Boolean enabled, String password) {
    }

    private static AccountSummary summary(AccountCredentials c) {
        return new AccountSummary(c.username(), c.displayName(), c.roles(), c.orgCode(), c.enabled());
    }

    // --- people

    List<PersonView> people(String query, String orgCode, int limit) {
        return people(query, orgCode, 0, limit);
    }

    /** A page of the people whose name, post or organisation contains {@code query}, by name. */
    List<PersonView> people(String query, String orgCode, long offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = "SELECT DISTINCT p.id, p.name " + peopleFrom(query, orgCode, params)
                + " ORDER BY p.name, p.id LIMIT :limit OFFSET :offset";
        params.put("limit", limit);
        params.put("offset", offset);
        List<Long> ids = jdbc.sql(sql).params(params).query((rs, n) -> rs.getLong("id")).list();
        return people(ids);
    }

    /** How many people {@link #people(String, String, long, int)} pages through. */
    long peopleCount(String query, String orgCode) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("SELECT COUNT(DISTINCT p.id) " + peopleFrom(query, orgCode, params)).params(params)
                .query(Long.class).single();
    }

    private static String peopleFrom(String query, String orgCode, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("""
                FROM person p
                LEFT JOIN org o ON o.id = p.org_id
                LEFT JOIN post t ON t.person_id = p.id
                WHERE 1 = 1""");
        if (query != null && !query.isBlank()) {
            sql.append(" AND (LOWER(p.name) LIKE :q OR LOWER(t.title) LIKE :q OR LOWER(o.name) LIKE :q)");
            params.put("q", "%" + query.trim().toLowerCase() + "%");
        }
        if (orgCode != null && !orgCode.isBlank()) {
            sql.append(" AND o.code = :org");
            params.put("org", orgCode.trim());
        }
        return sql.toString();
    }

    PersonView person(long id) {
        return people(List.of(id)).stream().findFirst().orElseThrow(() -> Problems.notFound("person", id));
    }

    private List<PersonView> people(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        boolean personalData = Actor.current().map(a -> a.has(Role.ADMIN)).orElse(false);
        Map<Long, List<PersonView.Post>> posts = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT t.person_id, o.code, t.title FROM post t LEFT JOIN org o ON o.id = t.org_id
                WHERE t.person_id IN (:ids) ORDER BY t.person_id, t.sort_order""")
                .param("ids", ids)
                .query((rs, n) -> posts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new PersonView.Post(rs.getString(2), rs.getString(3))))
                .list();
        Map<Long, PersonView> byId = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT p.id, p.name, o.code, o.name AS org_name, p.phone, p.email, p.example
                FROM person p LEFT JOIN org o ON o.id = p.org_id WHERE p.id IN (:ids)""")
                .param("ids", ids)
                .query((rs, n) -> byId.put(rs.getLong("id"), new PersonView(rs.getLong("id"), rs.getString("name"),
                        rs.getString("code"), rs.getString("org_name"),
                        List.copyOf(posts.getOrDefault(rs.getLong("id"), List.of())),
                        personalData ? rs.getString("phone") : null, personalData ? rs.getString("email") : null,
                        rs.getBoolean("example"))))
                .list();
        return ids.stream().map(byId::get).filter(p -> p != null).toList();
    }

    @Override
    public Optional<PersonSummary> findPerson(long id) {
        return people(List.of(id)).stream().findFirst().map(DirectoryService::summary);
    }

    @Override
    public List<PersonSummary> findPeopleNamed(String name) {
        if (name == null) {
            return List.of();
        }
        return people(jdbc.sql("SELECT id FROM person WHERE name = :name ORDER BY id").param("name", name.trim())
                .query(Long.class).list()).stream().map(DirectoryService::summary).toList();
    }

    static PersonSummary summary(PersonView p) {
        return new PersonSummary(p.id(), p.name(), p.orgCode(), p.orgName(), p.titles(), p.example());
    }

    @Transactional
    PersonView createPerson(PersonCommand cmd) {
        Long orgId = checkPerson(cmd);
        OffsetDateTime now = OffsetDateTime.now(clock);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO person (name, org_id, phone, email, example, created_at, updated_at)
                VALUES (:name, :org, :phone, :email, :example, :now, :now)""")
                .param("name", cmd.name().trim()).param("org", orgId).param("phone", blankToNull(cmd.phone()))
                .param("email", blankToNull(cmd.email())).param("example", Boolean.TRUE.equals(cmd.example()))
                .param("now", now).update(keys, "id");
        long id = keys.getKey().longValue();
        writePosts(id, cmd.posts());
        PersonView created = person(id);
        audit.record("person.created", "person", Long.toString(id), null, created);
        return created;
    }

    @Transactional
    PersonView updatePerson(long id, PersonCommand cmd) {
        PersonView before = person(id);
        Long orgId = checkPerson(cmd);
        jdbc.sql("""
                UPDATE person SET name = :name, org_id = :org, phone = :phone, email = :email,
                       version = version + 1, updated_at = :now WHERE id = :id""")
                .param("name", cmd.name().trim()).param("org", orgId).param("phone", blankToNull(cmd.phone()))
                .param("email", blankToNull(cmd.email())).param("now", OffsetDateTime.now(clock)).param("id", id)
                .update();
        jdbc.sql("DELETE FROM post WHERE person_id = :id").param("id", id).update();
        writePosts(id, cmd.posts());
        PersonView after = person(id);
        audit.record("person.updated", "person", Long.toString(id), before, after);
        return after;
    }

    private Long checkPerson(PersonCommand cmd) {
        Checks checks = new Checks();
        checks.required("name", cmd.name()).maxLength("name", cmd.name(), 100);
        checks.maxLength("phone", cmd.phone(), 40).matches("phone", cmd.phone(), PHONE, "validation.phone");
        checks.maxLength("email", cmd.email(), 200).matches("email", cmd.email(), EMAIL, "validation.email");
        Long orgId = null;
        if (cmd.orgCode() != null && !cmd.orgCode().isBlank()) {
            orgId = orgId(cmd.orgCode().trim()).orElse(null);
            checks.check(orgId != null, "orgCode", "validation.unknownOrg", cmd.orgCode());
        }
        List<PostCommand> posts = cmd.posts() == null ? List.of() : cmd.posts();
        for (int i = 0; i < posts.size(); i++) {
            PostCommand post = posts.get(i);
            String field = "posts[" + i + "]";
            checks.required(field + ".title", post.title()).maxLength(field + ".title", post.title(), 200);
            if (post.orgCode() != null && !post.orgCode().isBlank()) {
                checks.check(orgId(post.orgCode().trim()).isPresent(), field + ".orgCode", "validation.unknownOrg",
                        post.orgCode());
            }
        }
        checks.throwIfAny();
        return orgId;
    }

    private void writePosts(long personId, List<PostCommand> posts) {
        if (posts == null) {
            return;
        }
        int order = 0;
        for (PostCommand post : posts) {
            Long orgId = post.orgCode() == null || post.orgCode().isBlank() ? null
                    : orgId(post.orgCode().trim()).orElseThrow();
            jdbc.sql("INSERT INTO post (person_id, org_id, title, sort_order) VALUES (:p, :o, :t, :s)")
                    .param("p", personId).param("o", orgId).param("t", post.title().trim()).param("s", order++)
                    .update();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
