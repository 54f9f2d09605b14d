package org.civicdesk.charity.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.civicdesk.audit.AuditTrail;
import org.civicdesk.charity.CharityEvent;
import org.civicdesk.charity.PaymentCommand;
import org.civicdesk.charity.ProgrammeCommand;
import org.civicdesk.charity.internal.Commands.ApplicationCommand;
import org.civicdesk.charity.internal.Views.ApplicationView;
import org.civicdesk.charity.internal.Views.PaymentView;
import org.civicdesk.charity.internal.Views.ProgrammeView;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aid programmes (救助项目), the applications checked against their rules, and the aid they pay
 * (救助支出). A programme names the household categories it accepts and those it favours — from
 * 2023 major-illness aid favours 复合型特困家庭 and admits 特困退役军人. An application is recorded
 * with its outcome and reasons even when it fails, so a refusal can be explained and reviewed;
 * the rules of medical aid also ask for local household registration and for basic medical
 * insurance to have paid its share first.
 */
@Service
@Transactional(readOnly = true)
class AidProgrammes {

    static final String NOT_ELIGIBLE = "NOT_ELIGIBLE";

    private static final String PROGRAMME = """
            SELECT p.id, p.code, p.name, p.eligible_categories, p.favoured_categories, p.valid_from, p.description,
                   (SELECT COALESCE(SUM(a.amount), 0) FROM aid_payment a WHERE a.programme_id = p.id) AS paid,
                   (SELECT COUNT(*) FROM aid_payment a WHERE a.programme_id = p.id) AS payments
            FROM aid_programme p""";

    private static final String PAYMENT = """
            SELECT a.id, p.code, a.application_id, a.recipient, a.amount, a.paid_on, a.example
            FROM aid_payment a JOIN aid_programme p ON p.id = a.programme_id""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CityDate city;

    AidProgrammes(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, Clock clock, CityDate city) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.city = city;
    }

    @Transactional
    ProgrammeView create(ProgrammeCommand cmd) {
        Checks checks = new Checks();
        checks.required("code", cmd.code()).maxLength("code", cmd.code(), 64)
                .matches("code", cmd.code(), Campaigns.CODE, "charity.validation.code");
        checks.required("name", cmd.name()).maxLength("name", cmd.name(), 200);
        checks.required("eligibleCategories", cmd.eligibleCategories());
        List<HouseholdCategory> eligible = categories(checks, "eligibleCategories", cmd.eligibleCategories());
        List<HouseholdCategory> favoured = categories(checks, "favouredCategories", cmd.favouredCategories());
        checks.check(eligible.containsAll(favoured), "favouredCategories", "charity.validation.favouredNotEligible");
        checks.required("validFrom", cmd.validFrom());
        LocalDate validFrom = Campaigns.date(checks, "validFrom", cmd.validFrom());
        checks.maxLength("description", cmd.description(), 2000);
        checks.throwIfAny();
        String code = cmd.code().trim();
        if (find(code).isPresent()) {
            throw Problems.duplicate("code", code);
        }
        jdbc.sql("""
                INSERT INTO aid_programme (code, name, eligible_categories, favoured_categories, valid_from, description,
                    created_at) VALUES (:code, :name, :eligible, :favoured, :validFrom, :description, :now)""")
                .param("code", code).param("name", cmd.name().trim()).param("eligible", join(eligible))
                .param("favoured", join(favoured)).param("validFrom", validFrom)
                .param("description", Campaigns.blankToNull(cmd.description())).param("now", OffsetDateTime.now(clock))
                .update();
        ProgrammeView created = view(code);
        audit.record("aid.programme.created", "aid-programme", code, null, created);
        events.publishEvent(new CharityEvent.AidProgrammeCreated(code));
        return created;
    }

    List<ProgrammeView> all() {
        return jdbc.sql(PROGRAMME + " ORDER BY p.valid_from DESC, p.id DESC").query(AidProgrammes::map).list();
    }

    Optional<ProgrammeView> find(String code) {
        return jdbc.sql(PROGRAMME + " WHERE p.code = :code").param("code", code).query(AidProgrammes::map).optional();
    }

    ProgrammeView view(String code) {
        return find(code).orElseThrow(() -> Problems.notFound("aid-programme", code));
    }

    /** The programme a command names; an unknown one is a bad field of the command, not a missing page. */
    private ProgrammeView named(String code) {
        return find(code.trim()).orElseThrow(() -> Problems.invalid("programme", "charity.validation.unknownProgramme"));
    }

    /** Checks an application against its programme's rules and records it with the outcome. */
    @Transactional
    ApplicationView apply(ApplicationCommand cmd) {
        Checks checks = new Checks();
        checks.required("programme", cmd.programme());
        checks.required("applicantName", cmd.applicantName()).maxLength("applicantName", cmd.applicantName(), 200);
        checks.required("category", cmd.category());
        HouseholdCategory category = checks.oneOf("category", cmd.category(), HouseholdCategory.class);
        checks.required("localHukou", cmd.localHukou()).required("insured", cmd.insured());
        checks.throwIfAny();
        ProgrammeView programme = named(cmd.programme());
        LocalDate today = city.today();
        List<String> reasons = new ArrayList<>();
        if (today.isBefore(programme.validFrom())) {
            reasons.add("charity.reason.notYetValid");
        }
        if (!programme.eligibleCategories().contains(category)) {
            reasons.add("charity.reason.category");
        }
        if (!cmd.localHukou()) {
            reasons.add("charity.reason.hukou");
        }
        if (!cmd.insured()) {
            reasons.add("charity.reason.insurance");
        }
        boolean eligible = reasons.isEmpty();
        boolean favoured = eligible && programme.favouredCategories().contains(category);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO aid_application (programme_id, applicant_name, category, local_hukou, insured, eligible,
                    favoured, reasons, applied_on, recorded_by, created_at)
                SELECT id, :name, :category, :hukou, :insured, :eligible, :favoured, :reasons, :today, :by, :now
                FROM aid_programme WHERE code = :programme""")
                .param("name", cmd.applicantName().trim()).param("category", category.name())
                .param("hukou", cmd.localHukou()).param("insured", cmd.insured()).param("eligible", eligible)
                .param("favoured", favoured).param("reasons", String.join(",", reasons)).param("today", today)
                .param("by", Actor.currentName()).param("now", OffsetDateTime.now(clock))
                .param("programme", programme.code()).update(keys, "id");
        long id = keys.getKey().longValue();
        ApplicationView recorded = application(id);
        audit.record("aid.application.checked", "aid-application", Long.toString(id), null, recorded);
        events.publishEvent(new CharityEvent.AidApplicationChecked(id, programme.code(), eligible));
        return recorded;
    }

    ApplicationView application(long id) {
        return jdbc.sql("""
                SELECT a.id, p.code, a.applicant_name, a.category, a.eligible, a.favoured, a.reasons, a.applied_on
                FROM aid_application a JOIN aid_programme p ON p.id = a.programme_id WHERE a.id = :id""")
                .param("id", id)
                .query((rs, n) -> new ApplicationView(rs.getLong("id"), rs.getString("code"),
                        rs.getString("applicant_name"), HouseholdCategory.valueOf(rs.getString("category")),
                        rs.getBoolean("eligible"), rs.getBoolean("favoured"), split(rs.getString("reasons")),
                        rs.getObject("applied_on", LocalDate.class)))
                .optional().orElseThrow(() -> Problems.notFound("aid-application", id));
    }

    @Transactional
    PaymentView pay(PaymentCommand cmd) {
        Checks checks = new Checks();
        checks.required("programme", cmd.programme());
        checks.required("recipient", cmd.recipient()).maxLength("recipient", cmd.recipient(), 200);
        BigDecimal amount = Money.parse(checks, "amount", cmd.amount(), true);
        LocalDate paidOn = Campaigns.date(checks, "paidOn", cmd.paidOn());
        checks.throwIfAny();
        ProgrammeView programme = named(cmd.programme());
        if (cmd.application() != null) {
            ApplicationView application = application(cmd.application());
            if (!application.eligible() || !application.programme().equals(programme.code())) {
                throw Problems.conflict(NOT_ELIGIBLE, "charity.problem.notEligible", cmd.application());
            }
        }
        LocalDate on = paidOn != null ? paidOn : city.today();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO aid_payment (programme_id, application_id, recipient, amount, paid_on, recorded_by, example,
                    created_at)
                SELECT id, :application, :recipient, :amount, :paidOn, :by, :example, :now
                FROM aid_programme WHERE code = :programme""")
                .param("application", cmd.application()).param("recipient", cmd.recipient().trim())
                .param("amount", amount).param("paidOn", on).param("by", Actor.currentName())
                .param("example", Boolean.TRUE.equals(cmd.example()))
                .param("now", OffsetDateTime.now(clock)).param("programme", programme.code()).update(keys, "id");
        PaymentView paid = payment(keys.getKey().longValue());
        audit.record("aid.paid", "aid-payment", Long.toString(paid.id()), null, paid);
        events.publishEvent(new CharityEvent.AidPaid(paid.id(), programme.code(), amount));
        return paid;
    }

    PaymentView payment(long id) {
        return payments(" WHERE a.id = :id", id).stream().findFirst()
                .orElseThrow(() -> Problems.notFound("aid-payment", id));
    }

    List<PaymentView> latestPayments(int limit) {
        return jdbc.sql(PAYMENT + " ORDER BY a.id DESC LIMIT :limit").param("limit", limit).query(AidProgrammes::payment)
                .list();
    }

    private List<PaymentView> payments(String where, long id) {
        return jdbc.sql(PAYMENT + where).param("id", id).query(AidProgrammes::payment).list();
    }

    private static PaymentView payment(ResultSet rs, int n) throws SQLException {
        return new PaymentView(rs.getLong("id"), rs.getString("code"), rs.getObject("application_id", Long.class),
                rs.getString("recipient"), Money.format(rs.getBigDecimal("amount")),
                rs.getObject("paid_on", LocalDate.class), rs.getBoolean("example"));
    }

    private static ProgrammeView map(ResultSet rs, int n) throws SQLException {
        return new ProgrammeView(rs.getString("code"), rs.getString("name"),
                split(rs.getString("eligible_categories")).stream().map(HouseholdCategory::valueOf).toList(),
                split(rs.getString("favoured_categories")).stream().map(HouseholdCategory::valueOf).toList(),
                rs.getObject("valid_from", LocalDate.class), rs.getString("description"),
                Money.format(rs.getBigDecimal("paid")), rs.getLong("payments"));
    }

    private static List<HouseholdCategory> categories(Checks checks, String field, String list) {
        List<HouseholdCategory> out = new ArrayList<>();
        for (String name : split(list)) {
            HouseholdCategory c = checks.oneOf(field, name, HouseholdCategory.class);
            if (c != null && !out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private static List<String> split(String list) {
        return list == null || list.isBlank() ? List.of()
                : Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String join(List<HouseholdCategory> categories) {
        return categories.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
