package org.civicdesk.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The cost of password hashes: Spring Security's by default, a setting, and any cost still verifies. */
class PasswordConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PasswordConfiguration.class);

    @Test
    void hashesAtSpringSecuritysCostUnlessTheCitySetsAnother() {
        context.run(c -> assertThat(c.getBean(PasswordEncoder.class).encode("pass-word-1"))
                .startsWith("{argon2@SpringSecurity_v5_8}$argon2id$v=19$m=16384,t=2,p=1$"));
        context.withPropertyValues("civicdesk.passwords.memory-kib=65536", "civicdesk.passwords.iterations=3")
                .run(c -> assertThat(c.getBean(PasswordEncoder.class).encode("pass-word-1"))
                        .startsWith("{argon2@SpringSecurity_v5_8}$argon2id$v=19$m=65536,t=3,p=1$"));
    }

    @Test
    void aHashMadeAtAnotherCostStillVerifies() {
        String cheap = new PasswordConfiguration().passwordEncoder(new PasswordSettings(1024, 1)).encode("pass-word-1");
        context.run(c -> {
            assertThat(c.getBean(PasswordEncoder.class).matches("pass-word-1", cheap)).isTrue();
            assertThat(c.getBean(PasswordEncoder.class).matches("pass-word-2", cheap)).isFalse();
        });
    }

    @Test
    void refusesACostThatCannotWork() {
        for (String impossible : new String[] { "civicdesk.passwords.memory-kib=4", "civicdesk.passwords.iterations=0" }) {
            context.withPropertyValues(impossible).run(c -> assertThat(c).as(impossible).hasFailed());
        }
    }
}
