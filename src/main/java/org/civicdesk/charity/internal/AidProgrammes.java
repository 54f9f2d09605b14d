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
import org.civicdesk.charity.ProgrammeCommand;
import org.civicdesk.charity.internal.Views.PaymentView;
import org.civicdesk.charity.internal.Views.ProgrammeView;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aid programmes (救助项目), the applications checked against their rules, and the aid they pay
 * (救助支出). A programme names the household categories it accepts and those it favours — from
 * 2023 major-illness aid favours 复合型特困家庭 and admits 特困退役军人; its rules also ask for local
 * household registration and for basic medical insurance to have paid its share first. The
 * applications and their payments are {@link AidApplications}'.
 */
@Service
@Transactional(readOnly = true)
class AidProgrammes {

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

    AidProgrammes(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
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

    /**
     * The rules of a programme that an application fails, as message keys of the sentences that say
     * so; none when it is eligible. A declaration not made ({@code null}) is left to the officer.
     */
    static List<String> unmetRules(ProgrammeView programme, HouseholdCategory category, Boolean localHukou,
            Boolean insured, LocalDate on) {
        List<String> reasons = new ArrayList<>();
        if (on.isBefore(programme.validFrom())) {
            reasons.add("charity.reason.notYetValid");
        }
        if (!programme.eligibleCategories().contains(category)) {
            reasons.add("charity.reason.category");
        }
        if (Boolean.FALSE.equals(localHukou)) {
            reasons.add("charity.reason.hukou");
        }
        if (Boolean.FALSE.equals(insured)) {
            reasons.add("charity.reason.insurance");
        }
        return reasons;
    }

    PaymentView payment(long id) {
        return payments(" WHERE a.id = :id", id).stream().findFirst()
                .orElseThrow(() -> Problems.notFound("aid-payment", id));
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

    static List<String> split(String list) {
        return list == null || list.isBlank() ? List.of()
                : Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String join(List<HouseholdCategory> categories) {
        return categories.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
