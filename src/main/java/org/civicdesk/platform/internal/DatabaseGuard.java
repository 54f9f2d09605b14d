package org.civicdesk.platform.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the production profile without its PostgreSQL database. It runs before any
 * bean is created, so a missing or unreachable database is reported in one clear sentence and the
 * application never falls back to the embedded database.
 */
public class DatabaseGuard implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        if (!Arrays.asList(env.getActiveProfiles()).contains("postgres")) {
            return;
        }
        String url = env.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("Civic Desk runs with the 'postgres' profile but SPRING_DATASOURCE_URL is "
                    + (url.isBlank() ? "not set" : "not a PostgreSQL URL (" + url + ")")
                    + ". Set it to jdbc:postgresql://HOST:5432/DATABASE, with SPRING_DATASOURCE_USERNAME and "
                    + "SPRING_DATASOURCE_PASSWORD.");
        }
        DriverManager.setLoginTimeout(10);
        try (Connection c = DriverManager.getConnection(url, env.getProperty("spring.datasource.username"),
                env.getProperty("spring.datasource.password"))) {
            int major = c.getMetaData().getDatabaseMajorVersion();
            if (major < 15) {
                throw new IllegalStateException(
                        "Civic Desk needs PostgreSQL 15 or newer; the server at " + url + " is version " + major + ".");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Civic Desk cannot reach its PostgreSQL database at " + url + ": "
                    + e.getMessage(), e);
        }
    }
}
