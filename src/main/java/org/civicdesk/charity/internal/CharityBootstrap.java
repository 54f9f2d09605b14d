package org.civicdesk.charity.internal;

import org.civicdesk.shared.OnceOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the demo city's charity figures once across all nodes, after the directory, meetings and matters. */
@Component
@Order(30)
class CharityBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CharityBootstrap.class);

    private final CharityDemo demo;
    private final OnceOnly once;
    private final boolean enabled;

    CharityBootstrap(CharityDemo demo, OnceOnly once, @Value("${civicdesk.demo.enabled:false}") boolean enabled) {
        this.demo = demo;
        this.once = once;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled && once.run("demo.charity", demo::load)) {
            log.info("Loaded the demo city's charity: the 2022 campaigns (99 Giving Day 15,926,000.00 of "
                    + "26,744,900.00 raised), 28,738,100.00 of aid and the one-yuan livelihood insurance; the "
                    + "entries are examples that add up to the paper's totals.");
        }
    }
}
