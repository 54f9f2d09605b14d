package org.civicdesk.matters.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.civicdesk.shared.Redactor;
import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migration 27 gives the matters and answers written before it their public copies: the tables as they
 * were before it are built in a schema of their own, given a matter and its cases, and migrated on.
 */
@IntegrationTest
class PublicCopiesMigrationIT {

    @Autowired
    DataSource dataSource;

    @Autowired
    PublicCopiesMigration migration;

    @Test
    void mattersAndAnswersWrittenBeforeGetTheirPublicCopies() {
        String schema = "v27_" + Api.unique().replaceAll("[^a-z0-9]", "");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        try {
            MigrationVersion before = Arrays.stream(flyway(schema).load().info().all()).map(MigrationInfo::getVersion)
                    .filter(v -> v.compareTo(migration.getVersion()) < 0).max(Comparator.naturalOrder()).orElseThrow();
            flyway(schema).target(before).load().migrate();
            jdbc.sql("INSERT INTO " + schema + ".matter (type, title, content, raiser, channel, status, raised_at) "
                    + "VALUES ('PROBLEM', '停车难 139 1234 5678', '联系 dai.biao@example.com', 'r', 'WEB', 'ANSWERED', :at)")
                    .param("at", OffsetDateTime.now()).update();
            long matter = jdbc.sql("SELECT id FROM " + schema + ".matter").query(Long.class).single();
            for (String answer : new String[] { "已答复，电话(0731)28681234", null }) {
                jdbc.sql("INSERT INTO " + schema + ".handling_case (matter_id, org_code, role, status, assigned_at, "
                        + "assigned_on, due_date, answer) VALUES (:m, 'ZZ-DRC', 'LEAD', 'ANSWERED', :at, "
                        + "CURRENT_DATE, CURRENT_DATE, :answer)").param("m", matter).param("at", OffsetDateTime.now())
                        .param("answer", answer).update();
            }

            flyway(schema).javaMigrations(migration).load().migrate();

            Map<String, Object> copies = jdbc.sql("SELECT public_title, public_content FROM " + schema + ".matter")
                    .query().singleRow();
            assertThat(copies).containsEntry("public_title", "停车难 " + Redactor.REMOVED)
                    .containsEntry("public_content", "联系 " + Redactor.REMOVED);
            List<String> answers = jdbc.sql("SELECT public_answer FROM " + schema + ".handling_case ORDER BY id")
                    .query(String.class).list();
            assertThat(answers).containsExactly("已答复，电话" + Redactor.REMOVED, null);
        } finally {
            jdbc.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
        }
    }

    private FluentConfiguration flyway(String schema) {
        return Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration");
    }
}
