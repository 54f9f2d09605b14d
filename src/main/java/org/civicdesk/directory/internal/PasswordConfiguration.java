package org.civicdesk.directory.internal;

import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PasswordSettings.class)
class PasswordConfiguration {

    /** The algorithm new hashes are made with; stored hashes name theirs, e.g. {@code {bcrypt}…}. */
    static final String CURRENT = "argon2@SpringSecurity_v5_8";
    /** Salt, hash length and parallelism of Spring Security's Argon2 defaults; the cost is a setting. */
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int PARALLELISM = 1;

    /**
     * Argon2id for every new hash: unlike bcrypt, which reads only a password's first 72 bytes (24 CJK
     * characters) and refuses longer ones, it takes a password of any length. Hashes made earlier with
     * bcrypt still verify, and sign-in replaces each with an Argon2 hash of the same password
     * ({@code DaoAuthenticationProvider} with the directory's {@code rehashPassword}).
     */
    @Bean
    PasswordEncoder passwordEncoder(PasswordSettings settings) {
        return new DelegatingPasswordEncoder(CURRENT, Map.of(
                CURRENT, new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, settings.memoryKib(),
                        settings.iterations()),
                "bcrypt", new BCryptPasswordEncoder()));
    }
}
