package org.civicdesk.matters.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.civicdesk.shared.Redactor;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 27: the public copies of matters' titles and contents and of cases' answers, with contact
 * details removed, that {@link MatterRepository} keeps from now on; filled here for what was written
 * before. In Java because the rule is {@link Redactor}'s, which SQL cannot apply. Spring Boot hands
 * every {@link JavaMigration} bean to Flyway, which runs it in the same transaction as its record in
 * the schema history, on H2 and PostgreSQL alike.
 */
@Component
class PublicCopiesMigration implements JavaMigration {

    /** Rows read from the database at a time and written back in one batch. */
    private static final int BATCH = 500;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("27");
    }

    @Override
    public String getDescription() {
        return "public copies of matters and answers";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        try (Statement ddl = db.createStatement()) {
            ddl.execute("ALTER TABLE matter ADD COLUMN public_title VARCHAR(200)");
            ddl.execute("ALTER TABLE matter ADD COLUMN public_content TEXT");
            ddl.execute("ALTER TABLE handling_case ADD COLUMN public_answer TEXT");
        }
        copy(db, "SELECT id, title, content FROM matter",
                "UPDATE matter SET public_title = ?, public_content = ? WHERE id = ?");
        copy(db, "SELECT id, answer FROM handling_case WHERE answer IS NOT NULL",
                "UPDATE handling_case SET public_answer = ? WHERE id = ?");
        try (Statement ddl = db.createStatement()) {
            ddl.execute("ALTER TABLE matter ALTER COLUMN public_title SET NOT NULL");
            ddl.execute("ALTER TABLE matter ALTER COLUMN public_content SET NOT NULL");
        }
    }

    /**
     * Writes the redacted copy of each text column the query reads after its id; the update takes those
     * copies in order, then the id.
     */
    private static void copy(Connection db, String query, String update) throws SQLException {
        try (Statement read = db.createStatement(); PreparedStatement write = db.prepareStatement(update)) {
            read.setFetchSize(BATCH);
            try (ResultSet rs = read.executeQuery(query)) {
                int texts = rs.getMetaData().getColumnCount() - 1;
                int pending = 0;
                while (rs.next()) {
                    for (int i = 1; i <= texts; i++) {
                        write.setString(i, Redactor.redact(rs.getString(i + 1)));
                    }
                    write.setLong(texts + 1, rs.getLong(1));
                    write.addBatch();
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    write.executeBatch();
                }
            }
        }
    }
}
