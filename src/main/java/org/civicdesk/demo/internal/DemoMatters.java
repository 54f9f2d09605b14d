package org.civicdesk.demo.internal;

import org.civicdesk.shared.OnceOnly;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ApplicationArguments;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the demo city's matters once the directory and the meetings of the demo are there. */
@Component
@Order(20)
class DemoMatters implements ApplicationRunner {

    private final MattersDemo demo;
    private final OnceOnly once;
    private final boolean enabled;

    DemoMatters(MattersDemo demo, OnceOnly once, @Value("${civicdesk.demo.enabled:false}") boolean enabled) {
        this.demo = demo;
        this.once = once;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            once.run("demo.matters", demo::load);
        }
    }
}
