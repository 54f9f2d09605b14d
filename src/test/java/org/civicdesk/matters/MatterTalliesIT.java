package org.civicdesk.matters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jayway.jsonpath.JsonPath;

/**
 * The public statistics and the inbox totals read counts that each transition keeps (the tallies of
 * the V5 migration). After every step of a matter's life they must equal what counting the matters
 * and cases themselves gives, and the statistics must show a change at once.
 */
@IntegrationTest
class MatterTalliesIT {

    private static final String PENDING = "('ASSIGNED','SIGNED','REHANDLING')";

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    String supervisor;
    String raiser;
    String raiserName;
    String drc;
    String fin;
    String hurd;

    @BeforeEach
    void people() throws Exception {
        supervisor = api.tokenFor("SUPERVISOR", "ZZ-NPC");
        raiserName = "r-" + Api.unique();
        api.post("/api/v1/accounts", api.adminToken(), "{\"username\":\"" + raiserName
                + "\",\"password\":\"secret-pass-1\",\"displayName\":\"代表\",\"roles\":[\"RAISER\"]}")
                .andExpect(status().isCreated());
        raiser = api.token(raiserName, "secret-pass-1");
        drc = api.tokenFor("HANDLER", "ZZ-DRC");
        fin = api.tokenFor("HANDLER", "ZZ-FIN");
        hurd = api.tokenFor("HANDLER", "ZZ-HURD");
    }

    @Test
    void theCountsFollowEveryTransitionExactly() throws Exception {
        assertTalliesExact();
        Map<String, Object> start = stats();

        long id = raise();
        assertThat(number(stats(), "items")).isEqualTo(number(start, "items") + 1);
        assertTalliesExact();

        String assigned = api.post("/api/v1/matters/" + id + "/assignments", supervisor,
                "{\"lead\":\"ZZ-DRC\",\"co\":[\"ZZ-FIN\"]}").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long lead = ((Number) JsonPath.read(assigned, "$.cases[0].id")).longValue();
        long co = ((Number) JsonPath.read(assigned, "$.cases[1].id")).longValue();
        assertThat(number(stats(), "cases")).isEqualTo(number(start, "cases") + 2);
        assertInboxTotalsExact();
        assertTalliesExact();

        api.post("/api/v1/cases/" + co + "/return", fin, "{\"reason\":\"属住建局职责\"}").andExpect(status().isOk());
        assertThat(number(stats(), "cases")).isEqualTo(number(start, "cases") + 1);
        assertTalliesExact();
        String reassigned = api.post("/api/v1/cases/" + co + "/reassign", supervisor, "{\"orgCode\":\"ZZ-HURD\"}")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long co2 = ((Number) JsonPath.read(reassigned, "$.cases[2].id")).longValue();
        assertTalliesExact();

        api.post("/api/v1/cases/" + lead + "/sign", drc, "").andExpect(status().isOk());
        String due = JsonPath.read(assigned, "$.cases[0].dueDate");
        api.post("/api/v1/cases/" + lead + "/extension", drc, "{\"until\":\""
                + java.time.LocalDate.parse(due).plusMonths(1) + "\",\"reason\":\"需调研\"}").andExpect(status().isOk());
        api.post("/api/v1/cases/" + lead + "/extension/decision", supervisor, "{\"grant\":true}")
                .andExpect(status().isOk());
        assertInboxTotalsExact();
        assertTalliesExact();

        api.post("/api/v1/cases/" + co2 + "/sign", hurd, "").andExpect(status().isOk());
        api.post("/api/v1/cases/" + co2 + "/opinion", hurd, "{\"text\":\"同意\"}").andExpect(status().isOk());
        api.post("/api/v1/cases/" + lead + "/answer", drc, "{\"category\":\"B\",\"text\":\"已列入计划。\"}")
                .andExpect(status().isOk());
        assertThat(number(stats(), "answered")).isEqualTo(number(start, "answered") + 1);
        assertTalliesExact();

        api.post("/api/v1/matters/" + id + "/evaluation", raiser, "{\"rating\":\"UNSATISFIED\"}")
                .andExpect(jsonPath("$.status").value("REHANDLING"));
        assertInboxTotalsExact();
        assertTalliesExact();
        api.post("/api/v1/cases/" + lead + "/answer", drc, "{\"category\":\"A\",\"text\":\"已解决。\"}")
                .andExpect(status().isOk());
        api.post("/api/v1/matters/" + id + "/evaluation", raiser, "{\"rating\":\"SATISFIED\"}")
                .andExpect(jsonPath("$.status").value("CLOSED"));
        Map<String, Object> end = stats();
        assertThat(number(end, "closed")).isEqualTo(number(start, "closed") + 1);
        assertThat(number(end, "inProgress")).isEqualTo(number(start, "inProgress"));
        assertTalliesExact();

        long rejected = raise();
        api.post("/api/v1/matters/" + rejected + "/rejection", supervisor, "{\"reason\":\"不属于受理范围\"}")
                .andExpect(status().isOk());
        long kept = raise();
        long merged = raise();
        api.post("/api/v1/matters/" + merged + "/merge", supervisor, "{\"into\":" + kept + "}")
                .andExpect(status().isOk());
        assertThat(number(stats(), "rejected")).isEqualTo(number(start, "rejected") + 2);
        assertTalliesExact();
    }

    private long raise() throws Exception {
        String body = api.post("/api/v1/matters", raiser, "{\"type\":\"SUGGESTION\",\"title\":\"关于增设公交站点的建议\","
                + "\"content\":\"建议在园区增设公交站点。\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private Map<String, Object> stats() throws Exception {
        return JsonPath.read(api.get("/api/v1/public/stats/matters", null).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(), "$");
    }

    private static long number(Map<String, Object> stats, String field) {
        return ((Number) stats.get(field)).longValue();
    }

    /** Each handler's inbox total, in each of its views, is the number of its pending cases. */
    private void assertInboxTotalsExact() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        for (var handler : Map.of("ZZ-DRC", drc, "ZZ-FIN", fin, "ZZ-HURD", hurd).entrySet()) {
            long all = pending(handler.getKey(), "");
            long overdue = pending(handler.getKey(), " AND due_date < '" + today + "'");
            long soon = pending(handler.getKey(), " AND due_date >= '" + today + "' AND due_date <= '"
                    + today.plusDays(7) + "'");
            assertThat(inboxTotal(handler.getValue(), "")).isEqualTo(all);
            assertThat(inboxTotal(handler.getValue(), "?due=overdue")).isEqualTo(overdue);
            assertThat(inboxTotal(handler.getValue(), "?due=soon")).isEqualTo(soon);
        }
    }

    private long pending(String org, String condition) {
        return jdbc.sql("SELECT COUNT(*) FROM handling_case WHERE status IN " + PENDING + " AND org_code = :org"
                + condition).param("org", org).query(Long.class).single();
    }

    private long inboxTotal(String token, String query) throws Exception {
        return ((Number) JsonPath.read(api.get("/api/v1/cases" + query, token).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(), "$.total")).longValue();
    }

    /**
     * Every tally row, stripe by stripe (a matter counts in the stripe of its id modulo 32 per series
     * and status, modulo 8 per date), equals what counting the matters and cases gives, and none is
     * missing.
     */
    private void assertTalliesExact() {
        assertThat(rows("SELECT series_slug AS k1, status AS k2, stripe AS k3, matters AS n1, cases AS n2 "
                + "FROM matter_tally WHERE matters <> 0 OR cases <> 0"))
                .isEqualTo(rows("""
                        SELECT COALESCE(m.series_slug, '') AS k1, m.status AS k2, MOD(m.id, 32) AS k3, COUNT(*) AS n1,
                               COALESCE(SUM(c.n), 0) AS n2
                        FROM matter m LEFT JOIN (SELECT matter_id, COUNT(*) AS n FROM handling_case
                                                 WHERE status <> 'RETURNED' GROUP BY matter_id) c
                               ON c.matter_id = m.id
                        GROUP BY COALESCE(m.series_slug, ''), m.status, MOD(m.id, 32)"""));
        assertThat(rows("SELECT series_slug AS k1, due_date AS k2, stripe AS k3, matters AS n1 FROM matter_due_tally "
                + "WHERE matters <> 0"))
                .isEqualTo(rows("SELECT COALESCE(m.series_slug, '') AS k1, d.due AS k2, MOD(m.id, 8) AS k3, "
                        + "COUNT(*) AS n1 FROM matter m JOIN (SELECT matter_id, MIN(due_date) AS due FROM handling_case "
                        + "WHERE status IN " + PENDING + " GROUP BY matter_id) d ON d.matter_id = m.id "
                        + "WHERE m.status NOT IN ('CLOSED','REJECTED') "
                        + "GROUP BY COALESCE(m.series_slug, ''), d.due, MOD(m.id, 8)"));
        assertThat(rows("SELECT org_code AS k1, due_date AS k2, stripe AS k3, cases AS n1 FROM case_due_tally "
                + "WHERE cases <> 0"))
                .isEqualTo(rows("SELECT org_code AS k1, due_date AS k2, MOD(matter_id, 8) AS k3, COUNT(*) AS n1 "
                        + "FROM handling_case WHERE status IN " + PENDING
                        + " GROUP BY org_code, due_date, MOD(matter_id, 8)"));
    }

    private List<Map<String, Object>> rows(String sql) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : jdbc.sql(sql).query().listOfRows()) {
            Map<String, Object> r = new LinkedHashMap<>();
            row.forEach((k, v) -> r.put(k.toLowerCase(), v instanceof Number n ? (Object) n.longValue()
                    : Objects.toString(v, null)));
            rows.add(r);
        }
        rows.sort(Comparator.comparing(r -> r.get("k1") + "|" + r.get("k2") + "|" + r.get("k3")));
        return rows;
    }
}
