package org.civicdesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.civicdesk.shared.CitySettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The typed settings: their defaults, the environment variables README names, and values they refuse. */
class SettingsTest {

    @EnableConfigurationProperties({ CitySettings.class, SecuritySettings.class })
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void haveTheDefaultsReadmeGives() {
        context.run(c -> {
            assertThat(c.getBean(CitySettings.class).timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
            assertThat(c.getBean(SecuritySettings.class))
                    .isEqualTo(new SecuritySettings(Duration.ofHours(12), 5, Duration.ofMinutes(15)));
        });
    }

    @Test
    void bindTheEnvironmentVariablesReadmeNames() {
        Map<String, Object> environment = Map.of("CIVICDESK_TIME_ZONE", "Europe/Berlin",
                "CIVICDESK_SECURITY_TOKEN_TTL", "30m", "CIVICDESK_SECURITY_LOGIN_MAX_FAILURES", "3",
                "CIVICDESK_SECURITY_LOGIN_LOCKOUT", "1h");
        context.withInitializer(c -> c.getEnvironment().getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource("environment", environment))).run(c -> {
                    assertThat(c.getBean(CitySettings.class).timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
                    assertThat(c.getBean(SecuritySettings.class))
                            .isEqualTo(new SecuritySettings(Duration.ofMinutes(30), 3, Duration.ofHours(1)));
                });
    }

    @Test
    void refuseToStartWithAValueThatCannotWork() {
        for (String impossible : new String[] { "civicdesk.time-zone=Mars/Olympus_Mons",
                "civicdesk.security.login-max-failures=0", "civicdesk.security.token-ttl=0s",
                "civicdesk.security.login-lockout=-5m" }) {
            context.withPropertyValues(impossible).run(c -> assertThat(c).as(impossible).hasFailed());
        }
    }
}
