package org.civicdesk.matters.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The matters settings: the defaults README gives, its environment variables, and values that cannot work. */
class MattersSettingsTest {

    @EnableConfigurationProperties(MattersSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class);

    @Test
    void haveTheDefaultsReadmeGives() {
        context.run(c -> assertThat(c.getBean(MattersSettings.class)).isEqualTo(new MattersSettings(3, 2,
                Set.of(AnswerCategory.A, AnswerCategory.B, AnswerCategory.C), Duration.ofMillis(500),
                Duration.ofSeconds(1))));
    }

    @Test
    void bindTheEnvironmentVariablesReadmeNames() {
        Map<String, Object> environment = Map.of("CIVICDESK_MATTERS_REMIND_WORKING_DAYS", "5",
                "CIVICDESK_MATTERS_SIGN_WITHIN_WORKING_DAYS", "1", "CIVICDESK_MATTERS_ANSWER_CATEGORIES", "A,B,C,D",
                "CIVICDESK_MATTERS_READ_STALENESS", "200ms", "CIVICDESK_MATTERS_CLOCK_SKEW", "2s");
        context.withInitializer(c -> c.getEnvironment().getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource("environment", environment)))
                .run(c -> assertThat(c.getBean(MattersSettings.class)).isEqualTo(new MattersSettings(5, 1,
                        Set.of(AnswerCategory.values()), Duration.ofMillis(200), Duration.ofSeconds(2))));
    }

    @Test
    void refuseToStartWithAValueThatCannotWork() {
        for (String impossible : new String[] { "civicdesk.matters.read-staleness=5s",
                "civicdesk.matters.read-staleness=0s", "civicdesk.matters.answer-categories=",
                "civicdesk.matters.answer-categories=A,E", "civicdesk.matters.remind-working-days=-1" }) {
            context.withPropertyValues(impossible).run(c -> assertThat(c).as(impossible).hasFailed());
        }
    }
}
