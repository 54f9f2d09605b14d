package org.civicdesk.platform.internal;

import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 23: usernames and the codes people type (organisations, calls, campaigns, aid
 * programmes, meeting series) are unique whatever their case, so that {@code zz-cdc} cannot stand
 * beside {@code ZZ-CDC}. The services refuse such a duplicate with their usual 409; these indexes
 * hold when two requests race.
 *
 * <p>It is a Java migration because the two databases say it differently: PostgreSQL indexes
 * {@code LOWER(column)} itself, H2 cannot index an expression and indexes a generated column
 * instead (which PostgreSQL would want {@code STORED}, which H2 does not accept).
 */
@Component
class CaseInsensitiveCodes implements JavaMigration {

    private record UniqueColumn(String table, String column) {
    }

    private static final List<UniqueColumn> COLUMNS = List.of(new UniqueColumn("account", "username"),
            new UniqueColumn("org", "code"), new UniqueColumn("civic_call", "code"),
            new UniqueColumn("charity_campaign", "code"), new UniqueColumn("aid_programme", "code"),
            new UniqueColumn("meeting_series", "slug"));

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("23");
    }

    @Override
    public String getDescription() {
        return "case insensitive codes";
    }

    @Override
    public Integer getChecksum() {
        return COLUMNS.toString().hashCode();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        boolean postgres = context.getConnection().getMetaData().getDatabaseProductName().equals("PostgreSQL");
        try (Statement sql = context.getConnection().createStatement()) {
            for (UniqueColumn c : COLUMNS) {
                String index = c.table() + "_" + c.column() + "_ci_uk";
                if (postgres) {
                    sql.execute("CREATE UNIQUE INDEX " + index + " ON " + c.table() + " (LOWER(" + c.column() + "))");
                } else {
                    String lower = c.column() + "_lower";
                    sql.execute("ALTER TABLE " + c.table() + " ADD COLUMN " + lower + " VARCHAR(64) GENERATED ALWAYS AS (LOWER("
                            + c.column() + "))");
                    sql.execute("CREATE UNIQUE INDEX " + index + " ON " + c.table() + " (" + lower + ")");
                }
            }
        }
    }
}
