package org.civicdesk.shared;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ CitySettings.class, IdempotencySettings.class, AttachmentSettings.class })
class SharedConfiguration {

    /**
     * One clock for the whole application, so tests can fix time where they need to and the demo
     * city can replay its past.
     */
    @Bean
    Clock clock() {
        return new ReplayableClock(Clock.systemDefaultZone());
    }
}
