package org.civicdesk.charity.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.civicdesk.audit.AuditTrail;
import org.civicdesk.charity.CampaignCommand;
import org.civicdesk.charity.CharityEvent;
import org.civicdesk.charity.internal.Views.CampaignProgress;
import org.civicdesk.charity.internal.Views.CampaignView;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the fundraising campaigns (募捐活动) and counts what each has raised. Distinct donors are
 * counted by the name recorded for a named donor; each anonymous donation counts as one donor, since
 * nothing public may tell two anonymous gifts of one person apart.
 */
@Service
@Transactional(readOnly = true)
class Campaigns {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_\\-]{0,63}");

    static final String TOTALS = """
            SELECT c.id, c.code, c.name, c.goal, c.starts_on, c.ends_on, c.description, c.example,
                   COALESCE(SUM(d.amount), 0) AS raised, COUNT(d.id) AS donations,
                   COUNT(DISTINCT CASE WHEN d.anonymous = FALSE THEN d.donor_name END)
                     + COALESCE(SUM(CASE WHEN d.anonymous = TRUE THEN 1 ELSE 0 END), 0) AS donors
            FROM charity_campaign c LEFT JOIN charity_donation d ON d.campaign_id = c.id
            """;
    static final String GROUP = " GROUP BY c.id, c.code, c.name, c.goal, c.starts_on, c.ends_on, c.description, c.example";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Campaigns(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    CampaignView create(CampaignCommand cmd) {
        Checks checks = new Checks();
        checks.required("code", cmd.code()).maxLength("code", cmd.code(), 64)
                .matches("code", cmd.code(), CODE, "charity.validation.code");
        checks.required("name", cmd.name()).maxLength("name", cmd.name(), 200);
        BigDecimal goal = Money.parse(checks, "goal", cmd.goal(), false);
        LocalDate startsOn = date(checks, "startsOn", cmd.startsOn());
        LocalDate endsOn = date(checks, "endsOn", cmd.endsOn());
        checks.check(startsOn == null || endsOn == null || !endsOn.isBefore(startsOn), "endsOn",
                "charity.validation.period");
        checks.maxLength("description", cmd.description(), 2000);
        checks.throwIfAny();
        String code = cmd.code().trim();
        // A code is unique whatever its case (migration 23): people type it to find the campaign.
        if (jdbc.sql("SELECT COUNT(*) FROM charity_campaign WHERE LOWER(code) = LOWER(:code)").param("code", code)
                .query(Long.class).single() > 0) {
            throw Problems.duplicate("code", code);
        }
        try {
            jdbc.sql("""
                    INSERT INTO charity_campaign (code, name, goal, starts_on, ends_on, description, example, created_at)
                    VALUES (:code, :name, :goal, :startsOn, :endsOn, :description, :example, :now)""")
                    .param("code", code).param("name", cmd.name().trim()).param("goal", goal)
                    .param("startsOn", startsOn).param("endsOn", endsOn).param("description", blankToNull(cmd.description()))
                    .param("example", Boolean.TRUE.equals(cmd.example())).param("now", OffsetDateTime.now(clock)).update();
        } catch (DuplicateKeyException raced) {
            throw Problems.duplicate("code", code);
        }
        CampaignView created = view(code);
        audit.record("campaign.created", "campaign", code, null, created);
        events.publishEvent(new CharityEvent.CampaignCreated(code));
        return created;
    }

    List<CampaignView> all() {
        return jdbc.sql(TOTALS + GROUP + " ORDER BY c.starts_on DESC, c.id DESC").query(Campaigns::map).list();
    }

    Optional<CampaignView> find(String code) {
        return jdbc.sql(TOTALS + " WHERE c.code = :code" + GROUP).param("code", code).query(Campaigns::map).optional();
    }

    CampaignView view(String code) {
        return find(code).orElseThrow(() -> Problems.notFound("campaign", code));
    }

    CampaignProgress progress(String code) {
        return progress(view(code));
    }

    static CampaignProgress progress(CampaignView c) {
        return new CampaignProgress(c.code(), c.name(), c.goal(), c.raised(), c.donations(), c.donors());
    }

    /** The campaigns that received donations in a year, with what they raised in it. */
    List<CampaignProgress> ofYear(int year) {
        return jdbc.sql(TOTALS.replace("ON d.campaign_id = c.id",
                "ON d.campaign_id = c.id AND d.received_on >= :from AND d.received_on < :to")
                + GROUP + " HAVING COUNT(d.id) > 0 ORDER BY raised DESC")
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1))
                .query(Campaigns::map).list().stream().map(Campaigns::progress).toList();
    }

    private static CampaignView map(ResultSet rs, int n) throws SQLException {
        return new CampaignView(rs.getString("code"), rs.getString("name"), Money.format(rs.getBigDecimal("goal")),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getString("description"), rs.getBoolean("example"), Money.format(rs.getBigDecimal("raised")),
                rs.getLong("donations"), rs.getLong("donors"));
    }

    static LocalDate date(Checks checks, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.trim());
            checks.withinBounds(field, date);
            return date;
        } catch (DateTimeParseException e) {
            checks.add(field, "charity.validation.date");
            return null;
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
