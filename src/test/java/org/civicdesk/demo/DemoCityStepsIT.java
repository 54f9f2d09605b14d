package org.civicdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.civicdesk.audit.AuditEntry;
import org.civicdesk.audit.AuditTrail;
import org.civicdesk.charity.CampaignCommand;
import org.civicdesk.charity.Charity;
import org.civicdesk.places.PlaceCommand;
import org.civicdesk.places.Places;
import org.civicdesk.charity.Receipts;
import org.civicdesk.support.AuditChain;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The demo city is recorded through the modules' own commands: once per database, by the demo
 * account that would do each piece of work, at the moments the paper gives, into the same audit
 * trail as everything else.
 */
@IntegrationTest
class DemoCityStepsIT {

    private static final ZoneId ZHUZHOU = ZoneId.of("Asia/Shanghai");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    @Autowired
    Charity charity;

    @Autowired
    Places places;

    @Test
    void everyStepRanOnce() {
        for (String step : List.of("demo.directory", "demo.meetings", "demo.matters", "demo.charity", "demo.places",
                "demo.calls", "demo.notices", "demo.dealParties", "demo.projects",
                "demo.projectMeetings")) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM app_marker WHERE name = :n").param("n", step).query(Long.class)
                    .single()).as(step).isEqualTo(1);
        }
    }

    @Test
    void theCharityOfficerRecordedEachDonationOnTheDayItWasReceivedAndTheTrailHasIt() {
        record Recorded(long id, Instant at, LocalDate receivedOn, String handledBy) {
        }
        List<Recorded> donations = jdbc.sql("""
                SELECT id, created_at, received_on, handled_by FROM charity_donation WHERE idempotency_key LIKE 'demo-%'""")
                .query((rs, n) -> new Recorded(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, LocalDate.class), rs.getString(4)))
                .list();
        assertThat(donations).hasSize(260).allSatisfy(d -> {
            assertThat(d.handledBy()).isEqualTo("charity");
            assertThat(d.at().atZone(ZHUZHOU).toLocalDate()).isEqualTo(d.receivedOn());
        });
        // Each donation enters the trail with its receipt, in the entry of the batch it was numbered in.
        Receipts.awaitIssued(jdbc);
        AuditChain.awaitChained(jdbc);
        String issued = String.join("\n", jdbc.sql("SELECT after_state FROM audit_entry WHERE action = 'receipts.issued'")
                .query(String.class).list());
        assertThat(donations).allSatisfy(d -> assertThat(issued).contains("\"donation\":" + d.id() + ","));
    }

    @Test
    void theAdminRecordedTheLatestBreakfastMeetingWhenItWasHeld() {
        long id = jdbc.sql("""
                SELECT m.id FROM meeting m JOIN meeting_series s ON s.id = m.series_id
                WHERE s.slug = 'breakfast' AND m.seq_no = 17""").query(Long.class).single();
        List<AuditEntry> entries = audit.forEntity("meeting", Long.toString(id)).stream()
                .filter(e -> e.action().equals("meeting.created") || e.action().equals("meeting.closed")).toList();
        assertThat(entries).extracting(AuditEntry::action).containsExactly("meeting.created", "meeting.closed");
        assertThat(entries).extracting(AuditEntry::actor).containsOnly("admin");
        assertThat(entries).extracting(AuditEntry::at).containsExactly(
                OffsetDateTime.parse("2023-02-25T07:30:00+08:00").toInstant(),
                OffsetDateTime.parse("2023-02-25T09:00:00+08:00").toInstant());
    }

    @Test
    void theCdcAlertIsPublishedOnItsDay() {
        // The demo's is the first; tests sharing the application publish alerts of their own later.
        OffsetDateTime published = jdbc.sql(
                "SELECT published_at FROM notice WHERE issuer_org = 'ZZ-CDC' AND title LIKE '水痘%' ORDER BY id")
                .query(OffsetDateTime.class).list().get(0);
        assertThat(published.toInstant()).isEqualTo(OffsetDateTime.parse("2023-02-27T10:00:00+08:00").toInstant());
    }

    @Test
    void theDemosRecordsChainIntoTheAuditTrail() {
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    @WithMockUser(roles = "RAISER")
    void theModulesCommandsKeepTheirApisRules() {
        assertThatThrownBy(() -> charity.openCampaign(new CampaignCommand("NOT-AN-OFFICER", "冒名募捐", null,
                "2023-03-01", null, null, false))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> places.recordPlace(new PlaceCommand("冒名场所", "VENUE", "COUNTY", "天元区", null, null,
                10, null, null, null, false, false, null, null))).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM charity_campaign WHERE code = 'NOT-AN-OFFICER'").query(Long.class)
                .single()).isZero();
    }
}
