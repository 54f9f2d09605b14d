package org.civicdesk.projects.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.civicdesk.audit.AuditTrail;
import org.civicdesk.projects.DealEventCommand;
import org.civicdesk.projects.DealFairChanged;
import org.civicdesk.projects.internal.Views.DealEventView;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fairs and signing events at which deals are signed (专利转化对接会), each with the totals its
 * organiser announced beside those counted from the deals recorded, so a page shows whether the
 * register holds every deal announced. A deal that names an event not yet recorded records it, by
 * name and the deal's date, so that the contract's free-text {@code event} keeps working.
 */
@Service
@Transactional(readOnly = true)
class DealEvents {

    private static final String SELECT = """
            SELECT id, name, held_on, organiser, announced_deals, announced_amount, announced_local, example
            FROM deal_event""";

    private final JdbcClient jdbc;
    private final DealService deals;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DealEvents(JdbcClient jdbc, DealService deals, AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.deals = deals;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    DealEventView record(DealEventCommand cmd) {
        if (!ProjectService.mayManage(Actor.require())) {
            throw Problems.forbidden();
        }
        Checks checks = new Checks();
        String name = Amounts.blankToNull(cmd.name());
        checks.required("name", name).maxLength("name", name, 200);
        LocalDate heldOn = Amounts.date(checks, "heldOn", cmd.heldOn(), false);
        checks.maxLength("organiser", cmd.organiser(), 200);
        checks.check(cmd.announcedDeals() == null || cmd.announcedDeals() >= 0, "announcedDeals",
                "validation.range", 0, Integer.MAX_VALUE);
        checks.check(cmd.announcedLocal() == null || cmd.announcedLocal() >= 0, "announcedLocal",
                "validation.range", 0, Integer.MAX_VALUE);
        checks.check(cmd.announcedLocal() == null || cmd.announcedDeals() == null
                || cmd.announcedLocal() <= cmd.announcedDeals(), "announcedLocal", "validation.range", 0,
                cmd.announcedDeals());
        BigDecimal amount = Amounts.parse(checks, "announcedAmount", cmd.announcedAmount(), false);
        checks.throwIfAny();
        if (find(name).isPresent()) {
            throw Problems.duplicate("name", name);
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO deal_event (name, held_on, organiser, announced_deals, announced_amount, announced_local,
                        example, created_at)
                    VALUES (:name, :heldOn, :organiser, :deals, :amount, :local, :example, :now)""")
                    .param("name", name).param("heldOn", heldOn).param("organiser", Amounts.blankToNull(cmd.organiser()))
                    .param("deals", cmd.announcedDeals()).param("amount", amount).param("local", cmd.announcedLocal())
                    .param("example", Boolean.TRUE.equals(cmd.example())).param("now", OffsetDateTime.now(clock))
                    .update(keys, "id");
        } catch (DuplicateKeyException raced) {
            throw Problems.duplicate("name", name);
        }
        DealEventView created = event(keys.getKey().longValue());
        audit.record("deal.event.created", "deal-event", Long.toString(created.id()), null, created);
        events.publishEvent(new DealFairChanged(created.id()));
        return created;
    }

    /** The events, latest first, each with its figures. */
    List<DealEventView> all() {
        return jdbc.sql(SELECT + " ORDER BY held_on DESC NULLS LAST, id DESC").query(this::map).list();
    }

    DealEventView event(long id) {
        return findById(id).orElseThrow(() -> Problems.notFound("deal-event", id));
    }

    Optional<DealEventView> findById(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::map).optional();
    }

    Optional<DealEventView> find(String name) {
        return jdbc.sql(SELECT + " WHERE name = :name").param("name", name).query(this::map).optional();
    }

    private DealEventView map(ResultSet rs, int n) throws SQLException {
        BigDecimal announced = rs.getBigDecimal("announced_amount");
        String name = rs.getString("name");
        return new DealEventView(rs.getLong("id"), name, rs.getObject("held_on", LocalDate.class),
                rs.getString("organiser"), rs.getObject("announced_deals", Integer.class),
                announced == null ? null : Amounts.format(announced), rs.getObject("announced_local", Integer.class),
                rs.getBoolean("example"), deals.stats(name));
    }
}
