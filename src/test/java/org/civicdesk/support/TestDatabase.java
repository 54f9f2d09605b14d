package org.civicdesk.support;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Picks the database of an integration-test run from the system property {@code civicdesk.test.db}:
 * {@code h2} (the default) or {@code postgres}. The build runs the integration tests once with each.
 */
public class TestDatabase implements ActiveProfilesResolver {

    public static String current() {
        return System.getProperty("civicdesk.test.db", "h2");
    }

    @Override
    public String[] resolve(Class<?> testClass) {
        return switch (current()) {
            case "h2" -> new String[] { "test-h2" };
            case "postgres" -> new String[] { "postgres", "test-pg" };
            default -> throw new IllegalStateException("civicdesk.test.db must be h2 or postgres, not " + current());
        };
    }
}
