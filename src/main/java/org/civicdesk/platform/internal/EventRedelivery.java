package org.civicdesk.platform.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Delivers again the events whose listener did not finish: the node that published them died after
 * the commit, or the listener failed. The event publication registry keeps each delivery until its
 * listener completes; at start and then every half minute, on one node at a time, this looks at the
 * unfinished ones and resubmits those it has seen unfinished for {@code civicdesk.events.redeliver-after}
 * or longer, which is long enough that a delivery still running on a live node is not started twice,
 * as a rule. It measures that time itself rather than from the publication date, which the demo
 * city's replayed past sets years back. Listeners are written so that a second delivery does no harm.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventRedelivery.Settings.class)
class EventRedelivery {

    private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);

    /** @param redeliverAfter how old an unfinished delivery must be before it is made again */
    @ConfigurationProperties("civicdesk.events")
    record Settings(@DefaultValue("1m") Duration redeliverAfter) {
    }

    private final IncompleteEventPublications incomplete;
    private final Settings settings;
    /** When this node first saw each delivery unfinished (System.nanoTime), for those still unfinished. */
    private final Map<UUID, Long> firstSeen = new HashMap<>();

    EventRedelivery(IncompleteEventPublications incomplete, Settings settings) {
        this.incomplete = incomplete;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        redeliver();
    }

    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
    @SchedulerLock(name = "events.redeliver", lockAtMostFor = "5m")
    void scheduled() {
        redeliver();
    }

    synchronized void redeliver() {
        long now = System.nanoTime();
        Set<UUID> unfinished = new HashSet<>();
        try {
            incomplete.resubmitIncompletePublications(publication -> {
                unfinished.add(publication.getIdentifier());
                long seen = firstSeen.computeIfAbsent(publication.getIdentifier(), id -> now);
                return now - seen >= settings.redeliverAfter().toNanos();
            });
        } catch (RuntimeException e) {
            log.warn("Could not deliver unfinished events again; the next round tries again", e);
        }
        firstSeen.keySet().retainAll(unfinished);
    }
}
