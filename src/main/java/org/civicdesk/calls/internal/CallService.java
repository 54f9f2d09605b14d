package org.civicdesk.calls.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.civicdesk.audit.AuditTrail;
import org.civicdesk.calls.CallCommand;
import org.civicdesk.calls.CallEvent;
import org.civicdesk.calls.GroupCommand;
import org.civicdesk.calls.internal.Commands.ApplicationCommand;
import org.civicdesk.calls.internal.Views.ApplicantView;
import org.civicdesk.calls.internal.Views.ApplicationView;
import org.civicdesk.calls.internal.Views.CallView;
import org.civicdesk.calls.internal.Views.GroupView;
import org.civicdesk.calls.internal.Views.Submitted;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.CitySettings;
import org.civicdesk.shared.FieldViolation;
import org.civicdesk.shared.ProblemException;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.web.ListFilter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps calls, their groups and the applications to them. An application holds a place while it is
 * submitted, confirmed or accepted; the group's row is locked while places are counted, so however
 * many people apply at the same moment on however many nodes, no group takes more than its quota.
 * A phone number stands behind one application per call at a time, held by a unique index, so
 * sending the same application again, to the same group or another, takes no second place.
 */
@Service
@Transactional(readOnly = true)
class CallService {

    static final String NOT_ELIGIBLE = "NOT_ELIGIBLE";
    static final String QUOTA_FULL = "QUOTA_FULL";
    static final String ALREADY_APPLIED = "ALREADY_APPLIED";

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.\\-_]{0,63}");
    static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9\\- ]{4,19}");
    private static final int OLDEST = 150;
    private static final String HOLDS_PLACE = "status IN ('SUBMITTED','CONFIRMED','ACCEPTED')";
    private static final String APPLICATIONS = """
            SELECT a.id, g.code, a.applicant_name, a.sex, a.birth_date, a.phone, a.status, a.applied_on,
                   a.decided_at, a.decided_by
            FROM call_application a JOIN call_group g ON g.id = a.group_id""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    CallService(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
            CitySettings city) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.zone = city.timeZone();
    }

    @Transactional
    CallView create(CallCommand cmd) {
        Checks checks = new Checks();
        checks.required("code", cmd.code()).matches("code", cmd.code(), CODE, "validation.code");
        checks.required("title", cmd.title()).maxLength("title", cmd.title(), 200);
        checks.maxLength("description", cmd.description(), 4000).maxLength("contact", cmd.contact(), 1000);
        List<GroupCommand> groups = cmd.groups() == null ? List.of() : cmd.groups();
        checks.check(!groups.isEmpty(), "groups", "validation.required");
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < groups.size(); i++) {
            checkGroup(checks, "groups[" + i + "]", groups.get(i), codes);
        }
        checks.throwIfAny();
        // A code is unique whatever its case (migration 23): people type codes, and read them aloud.
        if (jdbc.sql("SELECT COUNT(*) FROM civic_call WHERE LOWER(code) = LOWER(:c)").param("c", cmd.code().trim())
                .query(Long.class).single() > 0) {
            throw Problems.duplicate("code", cmd.code().trim());
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO civic_call (code, title, description, contact, created_at)
                VALUES (:code, :title, :description, :contact, :now)""").param("code", cmd.code().trim())
                .param("title", cmd.title().trim()).param("description", blankToNull(cmd.description()))
                .param("contact", blankToNull(cmd.contact())).param("now", OffsetDateTime.now(clock))
                .update(key, "id");
        long id = key.getKey().longValue();
        for (GroupCommand g : groups) {
            jdbc.sql("""
                    INSERT INTO call_group (call_id, code, name, quota, sex, min_age, max_age)
                    VALUES (:call, :code, :name, :quota, :sex, :min, :max)""").param("call", id)
                    .param("code", g.code().trim()).param("name", blankToNull(g.name())).param("quota", g.quota())
                    .param("sex", blankToNull(g.sex())).param("min", g.minAge()).param("max", g.maxAge()).update();
        }
        CallView call = call(cmd.code().trim());
        audit.record("call.created", "call", call.code(), null, call);
        events.publishEvent(new CallEvent.Opened(call.code()));
        return call;
    }

    private static void checkGroup(Checks checks, String at, GroupCommand g, Set<String> codes) {
        if (g == null) {
            checks.add(at, "validation.required");
            return;
        }
        checks.required(at + ".code", g.code()).matches(at + ".code", g.code(), CODE, "validation.code");
        checks.check(g.code() == null || codes.add(g.code().trim()), at + ".code", "calls.validation.groupTwice");
        checks.maxLength(at + ".name", g.name(), 100);
        checks.required(at + ".quota", g.quota());
        checks.check(g.quota() == null || g.quota() > 0, at + ".quota", "validation.positive");
        checks.oneOf(at + ".sex", g.sex(), Sex.class);
        checks.check(g.minAge() == null || (g.minAge() >= 0 && g.minAge() <= OLDEST), at + ".minAge",
                "calls.validation.age", OLDEST);
        checks.check(g.maxAge() == null || (g.maxAge() > 0 && g.maxAge() <= OLDEST), at + ".maxAge",
                "calls.validation.age", OLDEST);
        checks.check(g.minAge() == null || g.maxAge() == null || g.minAge() < g.maxAge(), at + ".maxAge",
                "calls.validation.ageRange");
    }

    List<CallView> calls() {
        return jdbc.sql("SELECT code FROM civic_call ORDER BY id DESC").query(String.class).list().stream()
                .map(this::call).toList();
    }

    CallView call(String code) {
        return find(code).orElseThrow(() -> Problems.notFound("call", code));
    }

    Optional<CallView> find(String code) {
        return jdbc.sql("SELECT id, code, title, description, contact FROM civic_call WHERE code = :code")
                .param("code", code)
                .query((rs, n) -> new CallView(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
                        rs.getString("description"), rs.getString("contact"), groups(rs.getLong("id"))))
                .optional();
    }

    private List<GroupView> groups(long callId) {
        return jdbc.sql("""
                SELECT g.id, g.code, g.name, g.quota, g.sex, g.min_age, g.max_age,
                       (SELECT COUNT(*) FROM call_application a WHERE a.group_id = g.id AND a.%s) AS taken
                FROM call_group g WHERE g.call_id = :call ORDER BY g.id""".formatted(HOLDS_PLACE))
                .param("call", callId).query(CallService::group).list();
    }

    private static GroupView group(ResultSet rs, int n) throws SQLException {
        String sex = rs.getString("sex");
        return new GroupView(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getInt("quota"),
                sex == null ? null : Sex.valueOf(sex), rs.getObject("min_age", Integer.class),
                rs.getObject("max_age", Integer.class), rs.getLong("taken"));
    }

    /**
     * Takes an application: malformed fields are refused first (400 naming each), then an unknown
     * call (404) or group (400 naming it), then whoever the group does not admit (400 {@code NOT_ELIGIBLE}
     * naming the rule), then a phone number that already stands behind an application to the call (409
     * {@code ALREADY_APPLIED}), and last a full group (409 {@code QUOTA_FULL}), counted under the
     * group's lock. The phone check is repeated by the unique index for applications racing to two
     * groups, which hold different locks.
     */
    @Transactional
    Submitted apply(String callCode, ApplicationCommand cmd) {
        Checks checks = new Checks();
        checks.required("group", cmd.group());
        checks.required("name", cmd.name()).maxLength("name", cmd.name(), 100);
        checks.required("sex", cmd.sex());
        Sex sex = checks.oneOf("sex", cmd.sex(), Sex.class);
        checks.required("birthDate", cmd.birthDate());
        LocalDate born = date(checks, "birthDate", cmd.birthDate());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        checks.check(born == null || !born.isAfter(today), "birthDate", "calls.validation.birthDateFuture")
                .withinBounds("birthDate", born);
        checks.required("phone", cmd.phone()).matches("phone", cmd.phone(), PHONE, "validation.phone");
        checks.throwIfAny();
        CallView call = call(callCode);
        GroupView group = call.groups().stream().filter(g -> g.code().equals(cmd.group().trim())).findFirst()
                .orElseThrow(() -> Problems.invalid("group", "calls.validation.unknownGroup", cmd.group().trim()));
        refuseUnlessEligible(group, sex, Period.between(born, today).getYears());
        jdbc.sql("SELECT id FROM call_group WHERE id = :id FOR UPDATE").param("id", group.id()).query(Long.class)
                .single();
        String phoneKey = phoneKey(cmd.phone());
        if (jdbc.sql("SELECT COUNT(*) FROM call_application WHERE call_id = :c AND phone_key = :k")
                .param("c", call.id()).param("k", phoneKey).query(Long.class).single() > 0) {
            throw alreadyApplied();
        }
        long taken = jdbc.sql("SELECT COUNT(*) FROM call_application WHERE group_id = :g AND " + HOLDS_PLACE)
                .param("g", group.id()).query(Long.class).single();
        if (taken >= group.quota()) {
            throw Problems.conflict(QUOTA_FULL, "calls.problem.quotaFull", group.quota());
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO call_application (call_id, group_id, applicant_name, sex, birth_date, phone,
                                                  phone_key, status, applied_on, created_at)
                    VALUES (:c, :g, :name, :sex, :born, :phone, :key, :status, :today, :now)""")
                    .param("c", call.id()).param("g", group.id()).param("name", cmd.name().trim())
                    .param("sex", sex.name()).param("born", born).param("phone", cmd.phone().trim())
                    .param("key", phoneKey).param("status", ApplicationStatus.SUBMITTED.name())
                    .param("today", today).param("now", OffsetDateTime.now(clock)).update(key, "id");
        } catch (DuplicateKeyException raced) {
            throw alreadyApplied();
        }
        long id = key.getKey().longValue();
        audit.record("call.applied", "call_application", String.valueOf(id), null,
                Map.of("call", call.code(), "group", group.code(), "status", ApplicationStatus.SUBMITTED.name()));
        events.publishEvent(new CallEvent.ApplicationSubmitted(call.code(), group.code(), id));
        return new Submitted(id, ApplicationStatus.SUBMITTED);
    }

    private static ProblemException alreadyApplied() {
        return Problems.conflict(ALREADY_APPLIED, "calls.problem.alreadyApplied");
    }

    /**
     * A phone number as people write it, reduced to what identifies it: digits only, without
     * China's country code, so {@code 138 0000 0000}, {@code 138-0000-0000} and
     * {@code +86 13800000000} are one number.
     */
    static String phoneKey(String phone) {
        String digits = phone.trim().replace(" ", "").replace("-", "");
        if (digits.startsWith("+86")) {
            return digits.substring(3);
        }
        if (digits.startsWith("0086")) {
            return digits.substring(4);
        }
        return digits.startsWith("+") ? digits.substring(1) : digits;
    }

    /** An application as its applicant was answered, with the status it has now. */
    Submitted submitted(long id) {
        return jdbc.sql("SELECT status FROM call_application WHERE id = :id").param("id", id).query(String.class)
                .optional().map(status -> new Submitted(id, ApplicationStatus.valueOf(status)))
                .orElseThrow(() -> Problems.notFound("application", id));
    }

    /** Age counts whole years, so "65岁以下" (maxAge 65) admits an applicant up to the day before the 65th birthday. */
    private static void refuseUnlessEligible(GroupView group, Sex sex, int age) {
        List<FieldViolation> broken = new ArrayList<>();
        if (group.sex() != null && group.sex() != sex) {
            broken.add(new FieldViolation("sex", "calls.rule.sex." + group.sex()));
        }
        if (group.maxAge() != null && age >= group.maxAge()) {
            broken.add(new FieldViolation("birthDate", "calls.rule.maxAge", group.maxAge(), age));
        }
        if (group.minAge() != null && age < group.minAge()) {
            broken.add(new FieldViolation("birthDate", "calls.rule.minAge", group.minAge(), age));
        }
        if (!broken.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, NOT_ELIGIBLE, "calls.problem.notEligible", broken);
        }
    }

    List<ApplicationView> applications(String callCode) {
        return jdbc.sql(APPLICATIONS + " WHERE g.call_id = :call ORDER BY a.id").param("call", call(callCode).id())
                .query(this::application).list();
    }

    /** A page of the call's applications that the criteria select, in the order they came. */
    List<ApplicationView> applications(CallView call, ApplicationFilter.Criteria criteria, long offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql(APPLICATIONS + where(call, criteria, params) + " ORDER BY a.id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", limit).param("offset", offset).query(this::application).list();
    }

    long countApplications(CallView call, ApplicationFilter.Criteria criteria) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("SELECT COUNT(*) FROM call_application a JOIN call_group g ON g.id = a.group_id"
                + where(call, criteria, params)).params(params).query(Long.class).single();
    }

    private static String where(CallView call, ApplicationFilter.Criteria c, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE g.call_id = :call");
        params.put("call", call.id());
        if (c.status() != null) {
            where.append(" AND a.status = :status");
            params.put("status", c.status().name());
        }
        if (c.group() != null) {
            where.append(" AND g.code = :group");
            params.put("group", c.group());
        }
        if (c.text() != null) {
            where.append(" AND (LOWER(a.applicant_name) LIKE :text OR a.phone LIKE :text)");
            params.put("text", ListFilter.like(c.text()));
        }
        return where.toString();
    }

    private ApplicationView application(ResultSet rs, int n) throws SQLException {
        return new ApplicationView(rs.getLong("id"), rs.getString("code"),
                rs.getString("applicant_name"), Sex.valueOf(rs.getString("sex")),
                rs.getObject("birth_date", LocalDate.class), rs.getString("phone"),
                ApplicationStatus.valueOf(rs.getString("status")), rs.getObject("applied_on", LocalDate.class),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decided_by"));
    }

    /**
     * 确认 — the organiser has confirmed the application with its applicant (no SMS provider sends a
     * code yet, so a person does it, by calling the number). Only a confirmed application can be
     * accepted; a submitted or confirmed one can be rejected.
     */
    @Transactional
    Submitted confirm(long id) {
        ApplicationStatus before = lockStatus(id);
        if (before != ApplicationStatus.SUBMITTED) {
            throw Problems.conflict(Problems.INVALID_TRANSITION, "calls.problem.decided",
                    Problems.term("calls.status.", before));
        }
        jdbc.sql("UPDATE call_application SET status = :s, confirmed_at = :now, confirmed_by = :by WHERE id = :id")
                .param("s", ApplicationStatus.CONFIRMED.name()).param("now", OffsetDateTime.now(clock))
                .param("by", Actor.currentName()).param("id", id).update();
        audit.record("call.application.confirmed", "call_application", String.valueOf(id),
                Map.of("status", before.name()), Map.of("status", ApplicationStatus.CONFIRMED.name()));
        return new Submitted(id, ApplicationStatus.CONFIRMED);
    }

    /** Accepts a confirmed application, or rejects a submitted or confirmed one; a decided one stays as it was. */
    @Transactional
    Submitted decide(long id, ApplicationStatus decision) {
        ApplicationStatus before = lockStatus(id);
        boolean allowed = decision == ApplicationStatus.ACCEPTED ? before == ApplicationStatus.CONFIRMED
                : before == ApplicationStatus.SUBMITTED || before == ApplicationStatus.CONFIRMED;
        if (!allowed) {
            throw Problems.conflict(Problems.INVALID_TRANSITION,
                    before == ApplicationStatus.SUBMITTED ? "calls.problem.unconfirmed" : "calls.problem.decided",
                    Problems.term("calls.status.", before));
        }
        jdbc.sql("UPDATE call_application SET status = :s, decided_at = :now, decided_by = :by WHERE id = :id")
                .param("s", decision.name()).param("now", OffsetDateTime.now(clock))
                .param("by", Actor.currentName()).param("id", id).update();
        audit.record("call.application." + decision.name().toLowerCase(), "call_application", String.valueOf(id),
                Map.of("status", before.name()), Map.of("status", decision.name()));
        String call = callOf(id);
        events.publishEvent(decision == ApplicationStatus.ACCEPTED ? new CallEvent.ApplicationAccepted(call, id)
                : new CallEvent.ApplicationRejected(call, id));
        return new Submitted(id, decision);
    }

    private ApplicationStatus lockStatus(long id) {
        return jdbc.sql("SELECT status FROM call_application WHERE id = :id FOR UPDATE").param("id", id)
                .query(String.class).optional().map(ApplicationStatus::valueOf)
                .orElseThrow(() -> Problems.notFound("application", String.valueOf(id)));
    }

    /**
     * An application as its applicant looks it up, by its number and the phone it was made with. A
     * wrong phone is answered as an unknown number, so neither tells whether the other exists.
     */
    ApplicantView lookup(long id, String phone) {
        return jdbc.sql("""
                SELECT a.id, a.phone, c.code, c.title, g.code AS grp, a.status, a.applied_on
                FROM call_application a JOIN call_group g ON g.id = a.group_id JOIN civic_call c ON c.id = a.call_id
                WHERE a.id = :id""").param("id", id)
                .query((rs, n) -> samePhone(rs.getString("phone"), phone)
                        ? new ApplicantView(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
                                rs.getString("grp"), ApplicationStatus.valueOf(rs.getString("status")),
                                rs.getObject("applied_on", LocalDate.class))
                        : null)
                .stream().filter(Objects::nonNull).findFirst()
                .orElseThrow(() -> Problems.notFound("application", String.valueOf(id)));
    }

    /**
     * 撤回 — the applicant withdraws a standing application, which frees its place and the phone
     * number, so the applicant may apply again.
     */
    @Transactional
    Submitted withdraw(long id, String phone) {
        lockStatus(id);
        ApplicationStatus before = lookup(id, phone).status();
        if (!before.holdsPlace()) {
            throw Problems.conflict(Problems.INVALID_TRANSITION, "calls.problem.decided",
                    Problems.term("calls.status.", before));
        }
        jdbc.sql("""
                UPDATE call_application SET status = :s, phone_key = NULL, withdrawn_at = :now
                WHERE id = :id AND status = :before""").param("s", ApplicationStatus.WITHDRAWN.name())
                .param("now", OffsetDateTime.now(clock)).param("id", id).param("before", before.name()).update();
        audit.record("call.application.withdrawn", "call_application", String.valueOf(id),
                Map.of("status", before.name()), Map.of("status", ApplicationStatus.WITHDRAWN.name()));
        events.publishEvent(new CallEvent.ApplicationWithdrawn(callOf(id), id));
        return new Submitted(id, ApplicationStatus.WITHDRAWN);
    }

    private static boolean samePhone(String stored, String given) {
        return given != null && PHONE.matcher(given.trim()).matches() && phoneKey(stored).equals(phoneKey(given));
    }

    /** The call an application belongs to, for pages that act on it. */
    String callOf(long applicationId) {
        return jdbc.sql("""
                SELECT c.code FROM call_application a JOIN call_group g ON g.id = a.group_id
                JOIN civic_call c ON c.id = g.call_id WHERE a.id = :id""").param("id", applicationId)
                .query(String.class).optional().orElseThrow(() -> Problems.notFound("application", applicationId));
    }

    private static LocalDate date(Checks checks, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            checks.add(field, "calls.validation.birthDate");
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
