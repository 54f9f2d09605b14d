package org.civicdesk.places.internal;

import org.civicdesk.shared.OnceOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo city's places and honours once across all nodes, after the directory's demo
 * (order 0) has created the communities, the enterprise and the places manager they refer to.
 */
@Component
@Order(40)
class PlacesBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PlacesBootstrap.class);

    private final PlacesDemo demo;
    private final OnceOnly once;
    private final boolean enabled;

    PlacesBootstrap(PlacesDemo demo, OnceOnly once, @Value("${civicdesk.demo.enabled:false}") boolean enabled) {
        this.demo = demo;
        this.once = once;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled && once.run("demo.places", demo::load)) {
            log.info("Loaded the demo city's map of party-education bases and teaching points (3 bases, 4 provincial "
                    + "and 24 municipal teaching points, 23 of them examples) and 9 honours.");
        }
    }
}
