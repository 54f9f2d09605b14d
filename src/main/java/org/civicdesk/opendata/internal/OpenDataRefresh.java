package org.civicdesk.opendata.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Rebuilds the open-data archive once it is a day old (civicdesk.open-data.refresh-every), and builds
 * the first one soon after the first start. Every node looks every ten minutes; the lock makes one node
 * do it while the others skip, and the age check keeps it to once a day whichever node restarted.
 */
@Component
class OpenDataRefresh {

    private static final Logger log = LoggerFactory.getLogger(OpenDataRefresh.class);

    private final OpenDataArchive archive;

    OpenDataRefresh(OpenDataArchive archive) {
        this.archive = archive;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
    @SchedulerLock(name = "opendata.refresh", lockAtMostFor = "30m")
    public void refreshIfDue() {
        if (archive.due()) {
            OpenDataArchive.Release release = archive.refresh();
            log.info("Built the open-data archive: {} files, {} bytes", release.files().size(), release.size());
        }
    }
}
