package org.civicdesk.platform.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says plainly at start-up when the embedded database is in use, and what it is for. */
@Component
class EmbeddedDatabaseNotice {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseNotice.class);

    private final String url;

    EmbeddedDatabaseNotice(@Value("${spring.datasource.url:}") String url) {
        this.url = url;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        if (url.startsWith("jdbc:h2:")) {
            log.warn("Civic Desk is using its embedded H2 database ({}). It is meant for one office and a trial; "
                    + "run production on PostgreSQL with SPRING_PROFILES_ACTIVE=postgres.", url);
        }
    }
}
