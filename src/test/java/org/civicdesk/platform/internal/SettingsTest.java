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
            assertThat(c.getBean(CitySettings.class)).isEqualTo(new CitySettings(ZoneId.of("Asia/Shanghai"), "localhost", null, null));
            assertThat(c.getBean(SecuritySettings.class)).isEqualTo(new SecuritySettings(Duration.ofHours(12),
                    Duration.ofMinutes(30), Duration.ofHours(12), 5, Duration.ofMinutes(1), Duration.ofHours(1), 30,
                    Duration.ofMinutes(1)));
        });
    }

    @Test
    void bindTheEnvironmentVariablesReadmeNames() {
        Map<String, Object> environment = Map.ofEntries(Map.entry("CIVICDESK_TIME_ZONE", "Europe/Berlin"),
                Map.entry("CIVICDESK_HOST", "civicdesk.zhuzhou.gov.cn"),
                Map.entry("CIVICDESK_NAME", "株洲市"), Map.entry("CIVICDESK_ENGLISH_NAME", "Zhuzhou"), Map.entry("CIVICDESK_SECURITY_TOKEN_TTL", "30m"),
                Map.entry("CIVICDESK_SECURITY_SESSION_IDLE_TIMEOUT", "15m"),
                Map.entry("CIVICDESK_SECURITY_SESSION_MAX_AGE", "8h"),
                Map.entry("CIVICDESK_SECURITY_LOGIN_MAX_FAILURES", "3"), Map.entry("CIVICDESK_SECURITY_LOGIN_HOLD", "2m"),
                Map.entry("CIVICDESK_SECURITY_LOGIN_MAX_HOLD", "1d"),
                Map.entry("CIVICDESK_SECURITY_LOGIN_ACCOUNT_CEILING", "50"),
                Map.entry("CIVICDESK_SECURITY_LOGIN_ACCOUNT_WINDOW", "5m"));
        context.withInitializer(c -> c.getEnvironment().getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource("environment", environment))).run(c -> {
                    assertThat(c.getBean(CitySettings.class))
                            .isEqualTo(new CitySettings(ZoneId.of("Europe/Berlin"), "civicdesk.zhuzhou.gov.cn",
                                    "株洲市", "Zhuzhou"));
                    assertThat(c.getBean(SecuritySettings.class)).isEqualTo(new SecuritySettings(Duration.ofMinutes(30),
                            Duration.ofMinutes(15), Duration.ofHours(8), 3, Duration.ofMinutes(2), Duration.ofDays(1), 50,
                            Duration.ofMinutes(5)));
                });
    }

    @Test
    void refuseToStartWithAValueThatCannotWork() {
        for (String impossible : new String[] { "civicdesk.time-zone=Mars/Olympus_Mons",
                "civicdesk.security.login-max-failures=0", "civicdesk.security.token-ttl=0s",
                "civicdesk.security.login-hold=-5m", "civicdesk.security.session-max-age=0s",
                "civicdesk.host=evil.example\r\nX-Injected: 1" }) {
            context.withPropertyValues(impossible).run(c -> assertThat(c).as(impossible).hasFailed());
        }
    }
}
