package org.civicdesk.platform;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.civicdesk.platform.internal.DatabaseGuard;
import org.junit.jupiter.api.Test;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.mock.env.MockEnvironment;

class DatabaseGuardTest {

    private final DatabaseGuard guard = new DatabaseGuard();

    @Test
    void refusesTheProductionProfileWithoutADatabaseUrl() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("postgres");
        assertThatThrownBy(() -> guard.onApplicationEvent(event(env)))
                .hasMessageContaining("SPRING_DATASOURCE_URL is not set");
    }

    @Test
    void refusesAnEmbeddedUrlUnderTheProductionProfile() {
        MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:mem:x");
        env.setActiveProfiles("postgres");
        assertThatThrownBy(() -> guard.onApplicationEvent(event(env))).hasMessageContaining("not a PostgreSQL URL");
    }

    @Test
    void refusesAnUnreachableDatabase() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/civicdesk?connectTimeout=2")
                .withProperty("spring.datasource.username", "x").withProperty("spring.datasource.password", "x");
        env.setActiveProfiles("postgres");
        assertThatThrownBy(() -> guard.onApplicationEvent(event(env))).hasMessageContaining("cannot reach");
    }

    @Test
    void leavesTheEmbeddedDefaultAlone() {
        assertThatNoException().isThrownBy(() -> guard.onApplicationEvent(event(new MockEnvironment())));
    }

    private static ApplicationEnvironmentPreparedEvent event(MockEnvironment env) {
        return new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(), new SpringApplication(),
                new String[0], env);
    }
}
