package org.civicdesk.directory.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

/**
 * The cost of the Argon2id hash of each new password. The defaults are Spring Security's (16 MiB, two
 * passes); a city may raise them for its hardware. A stored hash carries its own cost, so hashes made
 * at another cost still verify. The test runs lower the cost: their accounts guard nothing, and each
 * test signs in and creates accounts many times.
 *
 * @param memoryKib memory per hash in KiB (CIVICDESK_PASSWORDS_MEMORY_KIB)
 * @param iterations passes over that memory (CIVICDESK_PASSWORDS_ITERATIONS)
 */
@ConfigurationProperties("civicdesk.passwords")
@Validated
record PasswordSettings(@DefaultValue("16384") @Min(8) @Max(4_194_304) int memoryKib,
        @DefaultValue("2") @Positive int iterations) {
}
