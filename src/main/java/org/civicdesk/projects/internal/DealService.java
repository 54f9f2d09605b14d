package org.civicdesk.projects.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.civicdesk.audit.AuditTrail;
import org.civicdesk.directory.Directory;
import org.civicdesk.projects.DealCommand;
import org.civicdesk.projects.DealEvent;
import org.civicdesk.projects.DealFairChanged;
import org.civicdesk.projects.internal.Views.DealStats;
import org.civicdesk.projects.internal.Views.DealView;
import org.civicdesk.projects.internal.Views.PartyView;
import org.civicdesk.projects.internal.Views.Tally;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the register of technology-transfer deals and its figures. Whether a deal is the city's is
 * read from the directory when the figures are made, not stored: a party belongs to the city unless
 * the directory marks its organisation external, so correcting an organisation corrects the figures.
 */
@Service
@Transactional(readOnly = true)
class DealService {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DealService(JdbcClient jdbc, AuditTrail audit, Directory directory, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    DealView record(DealCommand cmd) {
        if (!ProjectService.mayManage(Actor.require())) {
            throw Problems.forbidden();
        }
        Checks checks = new Checks();
        checks.required("title", cmd.title()).maxLength("title", cmd.title(), 300);
        checks.maxLength("patentNo", cmd.patentNo(), 64);
        List<String> from = parties(checks, "from", cmd.from());
        List<String> to = parties(checks, "to", cmd.to());
        checks.required("form", cmd.form());
        DealForm form = checks.oneOf("form", cmd.form(), DealForm.class);
        BigDecimal amount = Amounts.parse(checks, "amount", cmd.amount(), false);
        checks.maxLength("event", cmd.event(), 200);
        LocalDate signedOn = Amounts.date(checks, "signedOn", cmd.signedOn(), true);
        checks.throwIfAny();
        String event = Amounts.blankToNull(cmd.event());
        Long fairId = event == null ? null : eventId(event, signedOn, Boolean.TRUE.equals(cmd.example()));
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO tech_deal (title, patent_no, form, amount, event_id, signed_on, example, created_at)
                VALUES (:title, :patentNo, :form, :amount, :event, :signedOn, :example, :now)""")
                .param("title", cmd.title().trim()).param("patentNo", Amounts.blankToNull(cmd.patentNo()))
                .param("form", form.name()).param("amount", amount)
                .param("event", fairId)
                .param("signedOn", signedOn).param("example", Boolean.TRUE.equals(cmd.example()))
                .param("now", OffsetDateTime.now(clock)).update(keys, "id");
        long id = keys.getKey().longValue();
        insertParties(id, "FROM", from);
        insertParties(id, "TO", to);
        DealView created = deal(id);
        audit.record("deal.created", "deal", Long.toString(id), null, created);
        events.publishEvent(new DealEvent(id));
        if (fairId != null) {
            events.publishEvent(new DealFairChanged(fairId));
        }
        return created;
    }

    /**
     * The event of that name, recorded with the deal's date when it is new. Of two deals naming one new
     * event at once, the second waits on the first's unique name and then leaves it as the first made it.
     */
    private long eventId(String name, LocalDate signedOn, boolean example) {
        jdbc.sql("""
                INSERT INTO deal_event (name, held_on, example, created_at) VALUES (:name, :heldOn, :example, :now)
                ON CONFLICT DO NOTHING""")
                .param("name", name).param("heldOn", signedOn).param("example", example)
                .param("now", OffsetDateTime.now(clock)).update();
        return jdbc.sql("SELECT id FROM deal_event WHERE name = :name").param("name", name).query(Long.class).single();
    }

    Optional<DealView> find(long id) {
        return deals("WHERE d.id = :id", Map.of("id", id)).stream().findFirst();
    }

    DealView deal(long id) {
        return find(id).orElseThrow(() -> Problems.notFound("deal", id));
    }

    /** The deals of an event (all when it is null), latest signed first. */
    List<DealView> deals(String event) {
        return event == null ? deals("", Map.of()) : deals("WHERE e.name = :event", Map.of("event", event));
    }

    /**
     * What the register of deals is narrowed to; each part left {@code null} asks for all.
     *
     * @param like a lower-case {@code LIKE} pattern the deal's title or patent number matches
     * @param from the first day of signing, {@code to} the last
     */
    record DealFilter(String event, DealForm form, String like, LocalDate from, LocalDate to) {

        private static final String WHERE = """
                WHERE (CAST(:event AS VARCHAR(200)) IS NULL OR e.name = :event)
                  AND (CAST(:form AS VARCHAR(32)) IS NULL OR d.form = :form)
                  AND (CAST(:like AS VARCHAR(300)) IS NULL OR LOWER(d.title) LIKE :like
                       OR LOWER(d.patent_no) LIKE :like)
                  AND (CAST(:from AS DATE) IS NULL OR d.signed_on >= :from)
                  AND (CAST(:to AS DATE) IS NULL OR d.signed_on <= :to)""";

        Map<String, Object> params() {
            Map<String, Object> params = new HashMap<>();
            params.put("event", event);
            params.put("form", form == null ? null : form.name());
            params.put("like", like);
            params.put("from", from);
            params.put("to", to);
            return params;
        }
    }

    /** A page of the deals, latest signed first, narrowed as the filter asks. */
    List<DealView> deals(DealFilter filter, long offset, int limit) {
        Map<String, Object> params = filter.params();
        params.put("limit", limit);
        params.put("offset", offset);
        return deals(DealFilter.WHERE, " LIMIT :limit OFFSET :offset", params);
    }

    /** How many deals {@link #deals(DealFilter, long, int)} pages through. */
    long count(DealFilter filter) {
        return jdbc.sql("SELECT COUNT(*) FROM tech_deal d LEFT JOIN deal_event e ON e.id = d.event_id "
                + DealFilter.WHERE).params(filter.params()).query(Long.class).single();
    }

    DealStats stats(String event) {
        List<DealView> deals = deals(event);
        Map<String, Long> byForm = new LinkedHashMap<>();
        for (DealForm form : DealForm.values()) {
            byForm.put(form.name(), deals.stream().filter(d -> d.form() == form).count());
        }
        return new DealStats(deals.size(), total(deals), deals.stream().filter(DealView::local).count(), byForm);
    }

    /** The events deals were signed at, each with its figures, in the order of their first deal. */
    List<Tally> byEvent() {
        return tallies(deals(null), d -> List.of(d.event() == null ? "" : d.event()));
    }

    /** The figures by kind of party (university, enterprise, …): a deal counts once for each kind it involves. */
    List<Tally> byPartyKind(String event) {
        return tallies(deals(event), d -> {
            Set<String> kinds = new LinkedHashSet<>();
            d.from().forEach(p -> kinds.add(p.kind()));
            d.to().forEach(p -> kinds.add(p.kind()));
            return List.copyOf(kinds);
        });
    }

    /** The events, for the form's suggestions and the page's filter. */
    List<String> events() {
        return jdbc.sql("SELECT name FROM deal_event ORDER BY name").query(String.class).list();
    }

    private static List<Tally> tallies(List<DealView> deals, Function<DealView, List<String>> labels) {
        Map<String, List<DealView>> groups = new LinkedHashMap<>();
        List<DealView> oldestFirst = new ArrayList<>(deals);
        Collections.reverse(oldestFirst);
        for (DealView d : oldestFirst) {
            for (String label : labels.apply(d)) {
                groups.computeIfAbsent(label, l -> new ArrayList<>()).add(d);
            }
        }
        return groups.entrySet().stream().map(e -> new Tally(e.getKey(), e.getValue().size(), total(e.getValue()),
                e.getValue().stream().filter(DealView::local).count())).toList();
    }

    private static String total(List<DealView> deals) {
        return Amounts.format(deals.stream().map(DealView::amount).filter(a -> a != null).map(BigDecimal::new)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private List<String> parties(Checks checks, String field, List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            checks.add(field, "validation.required");
            return List.of();
        }
        Set<String> known = new LinkedHashSet<>();
        for (String code : codes) {
            if (code == null || code.isBlank()) {
                checks.add(field, "validation.required");
            } else if (directory.findOrg(code.trim()).isEmpty()) {
                checks.add(field, "validation.unknownOrg", code);
            } else {
                known.add(code.trim());
            }
        }
        return List.copyOf(known);
    }

    private void insertParties(long dealId, String side, List<String> codes) {
        for (int i = 0; i < codes.size(); i++) {
            jdbc.sql("INSERT INTO tech_deal_party (deal_id, side, org_code, sort_order) VALUES (:d, :s, :o, :n)")
                    .param("d", dealId).param("s", side).param("o", codes.get(i)).param("n", i).update();
        }
    }

    private List<DealView> deals(String where, Map<String, ?> params) {
        return deals(where, "", params);
    }

    private List<DealView> deals(String where, String page, Map<String, ?> params) {
        List<DealRow> rows = jdbc.sql("SELECT d.*, e.name AS event_name FROM tech_deal d "
                + "LEFT JOIN deal_event e ON e.id = d.event_id " + where + " ORDER BY d.signed_on DESC, d.id DESC" + page)
                .params(params).query((rs, n) -> row(rs)).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String[]>> parties = new LinkedHashMap<>();
        jdbc.sql("SELECT deal_id, side, org_code FROM tech_deal_party WHERE deal_id IN (:ids) ORDER BY deal_id, side, sort_order")
                .param("ids", rows.stream().map(DealRow::id).toList()).query((rs, n) -> {
                    parties.computeIfAbsent(rs.getLong("deal_id"), id -> new ArrayList<>())
                            .add(new String[] { rs.getString("side"), rs.getString("org_code") });
                    return null;
                }).list();
        Map<String, PartyView> orgs = new LinkedHashMap<>();
        return rows.stream().map(r -> {
            List<PartyView> from = new ArrayList<>();
            List<PartyView> to = new ArrayList<>();
            for (String[] p : parties.getOrDefault(r.id(), List.of())) {
                (p[0].equals("FROM") ? from : to).add(orgs.computeIfAbsent(p[1], this::party));
            }
            return new DealView(r.id(), r.title(), r.patentNo(), from, to, r.form(), Amounts.format(r.amount()),
                    r.event(), r.signedOn(), r.example());
        }).toList();
    }

    /** An organisation that left the directory still shows by its code, as one of the city's. */
    private PartyView party(String code) {
        return directory.findOrg(code)
                .map(o -> new PartyView(o.code(), o.localName(), o.kind().name(), o.external()))
                .orElseGet(() -> new PartyView(code, code, "OTHER", false));
    }

    private record DealRow(long id, String title, String patentNo, DealForm form, BigDecimal amount, String event,
            LocalDate signedOn, boolean example) {
    }

    private static DealRow row(ResultSet rs) throws SQLException {
        return new DealRow(rs.getLong("id"), rs.getString("title"), rs.getString("patent_no"),
                DealForm.valueOf(rs.getString("form")), rs.getBigDecimal("amount"), rs.getString("event_name"),
                rs.getObject("signed_on", LocalDate.class), rs.getBoolean("example"));
    }
}
