package org.civicdesk.audit.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The signing key and the witness folder, from {@link AuditSettings}; a start without a key fails at once. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditSettings.class)
class AuditConfiguration {

    @Bean
    CheckpointSigner checkpointSigner(AuditSettings settings) {
        return new CheckpointSigner(settings);
    }

    @Bean
    CheckpointWitness checkpointWitness(AuditSettings settings) {
        return new CheckpointWitness(settings.witnessDir());
    }
}
