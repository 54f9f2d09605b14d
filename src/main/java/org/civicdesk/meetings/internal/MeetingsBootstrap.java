package org.civicdesk.meetings.internal;

import org.civicdesk.shared.OnceOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo city's meetings once across all nodes, after the directory's demo (order 0) has
 * put the people in place and before the matters (order 20) that were raised at them.
 */
@Component
@Order(10)
class MeetingsBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MeetingsBootstrap.class);

    private final MeetingsDemo demo;
    private final OnceOnly once;
    private final boolean enabled;

    MeetingsBootstrap(MeetingsDemo demo, OnceOnly once, @Value("${civicdesk.demo.enabled:false}") boolean enabled) {
        this.demo = demo;
        this.once = once;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled && once.run("demo.meetings", demo::load)) {
            log.info("Loaded the demo city's meetings: the breakfast series (17 sessions), the 16th congress's 2nd "
                    + "session, the NPC standing committee, the CPPCC chairs' meeting, the special-bond dispatch "
                    + "meeting and the trousers industry forum.");
        }
    }
}
