package org.civicdesk.demo.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.civicdesk.demo.DemoCityLoad;
import org.civicdesk.directory.AccountCredentials;
import org.civicdesk.directory.Directory;
import org.civicdesk.shared.ActingAs;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.OnceOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads the demo city when {@code civicdesk.demo.enabled} is on: its steps in the one order in which
 * each needs the ones before, each once per database however many nodes start together (a step
 * claims its marker, e.g. {@code demo.meetings}, and a database that has it skips the step). Each
 * step acts as the account that would do its work in reality, so the modules check, audit and
 * attribute it as they would that person's.
 *
 * <p>It loads on a thread of its own once the application is ready, so that a first start answers
 * its first page (and reports itself UP) without waiting for some 2,500 recorded commands; until it is
 * in, the pages say so ({@link DemoPageModel}) and API requests wait for it ({@link DemoLoadGate}). A
 * node that starts while another loads waits at each step's marker until the other's step commits,
 * then skips it.
 *
 * <p>The matters step comes after the meetings: matters are raised at the meetings, by the
 * directory's demo accounts, and assigned to its departments. The deals' organisations outside the
 * city are an administrator's to record, the reserve and the deals a supervisor's.
 */
@Component
@EnableConfigurationProperties(DemoSettings.class)
class DemoCity implements DemoCityLoad {

    private static final Logger log = LoggerFactory.getLogger(DemoCity.class);
    private static final Duration REACTIONS_PATIENCE = Duration.ofMinutes(2);

    /** The bootstrap admin, whom the directory creates before any runner. */
    private static final String ADMIN = "admin";
    /** The supervisor of the demo directory, who assigns the matters; each step of a matter acts as its own person. */
    private static final String SUPERVISOR = "supervisor";
    /** The charity federation's officer of the demo directory. */
    private static final String CHARITY_OFFICER = "charity";

    private final DemoSettings settings;
    private final OnceOnly once;
    private final Directory directory;
    private final DirectoryDemo directoryDemo;
    private final MeetingsDemo meetingsDemo;
    private final MattersDemo mattersDemo;
    private final CharityDemo charityDemo;
    private final PlacesDemo placesDemo;
    private final CallsDemo callsDemo;
    private final NoticesDemo noticesDemo;
    private final ProjectsDemo projectsDemo;
    private final JdbcClient jdbc;
    /** Completed once every step has run or been found done; completed exceptionally if one failed. */
    private final CompletableFuture<Void> loaded = new CompletableFuture<>();

    DemoCity(DemoSettings settings, OnceOnly once, Directory directory, DirectoryDemo directoryDemo,
            MeetingsDemo meetingsDemo, MattersDemo mattersDemo, CharityDemo charityDemo, PlacesDemo placesDemo,
            CallsDemo callsDemo, NoticesDemo noticesDemo, ProjectsDemo projectsDemo,
            JdbcClient jdbc) {
        this.settings = settings;
        this.once = once;
        this.directory = directory;
        this.directoryDemo = directoryDemo;
        this.meetingsDemo = meetingsDemo;
        this.mattersDemo = mattersDemo;
        this.charityDemo = charityDemo;
        this.placesDemo = placesDemo;
        this.callsDemo = callsDemo;
        this.noticesDemo = noticesDemo;
        this.projectsDemo = projectsDemo;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadInTheBackground() {
        if (!settings.enabled()) {
            loaded.complete(null);
            return;
        }
        Thread loader = new Thread(this::load, "demo-city");
        // A node stopped while it loads leaves nothing half-written: each step is one transaction.
        loader.setDaemon(true);
        loader.start();
    }

    private void load() {
        try {
            boolean loadedHere = step("demo.directory", ADMIN, directoryDemo::load);
            loadedHere |= step("demo.meetings", ADMIN, meetingsDemo::load);
            loadedHere |= step("demo.matters", SUPERVISOR, mattersDemo::load);
            loadedHere |= step("demo.charity", CHARITY_OFFICER, charityDemo::load);
            loadedHere |= step("demo.places", ADMIN, placesDemo::load);
            loadedHere |= step("demo.calls", ADMIN, callsDemo::load);
            loadedHere |= step("demo.notices", ADMIN, noticesDemo::load);
            loadedHere |= step("demo.dealParties", ADMIN, projectsDemo::recordParties);
            loadedHere |= step("demo.projects", SUPERVISOR, projectsDemo::load);
            loadedHere |= step("demo.projectMeetings", SUPERVISOR, projectsDemo::linkDispatchMeeting);
            if (loadedHere) {
                awaitTheModulesReactions();
                releaseTheLoadsGarbage();
            }
            loaded.complete(null);
        } catch (RuntimeException e) {
            log.error("The demo city could not be loaded; the steps before this one are in", e);
            loaded.completeExceptionally(e);
        }
    }

    /**
     * The modules react to what the demo recorded after each step commits (the search's copy of the
     * public pages, the tallies, the notifications); the city is in once they have, so that a reader, or
     * a test, finds every answer by search: when the event publication registry holds none unfinished.
     * Bounded: a reaction that keeps failing is the event redelivery's to retry, not a reason to keep
     * the API waiting.
     */
    private void awaitTheModulesReactions() {
        long giveUp = System.nanoTime() + REACTIONS_PATIENCE.toNanos();
        while (jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class)
                .single() > 0) {
            if (System.nanoTime() > giveUp) {
                log.warn("Some modules have not finished reacting to the demo city after {}; it is in regardless",
                        REACTIONS_PATIENCE);
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The load leaves a few hundred megabytes of garbage (some 2,500 commands' objects, their events and
     * audit records) in a heap that the JVM grew for it and, left alone, keeps: a trial on a laptop would
     * hold that memory for as long as it runs. A full collection once, right after, lets the collector
     * return the emptied heap to the system. Once per database, on the node that loaded it.
     */
    private static void releaseTheLoadsGarbage() {
        System.gc();
    }

    @Override
    public boolean loading() {
        return !loaded.isDone();
    }

    @Override
    public void await(Duration patience) {
        try {
            loaded.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The demo city could not be loaded", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The demo city is still loading after " + patience, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the demo city", e);
        }
    }

    /** @return whether this node ran the step (false when it had run before) */
    private boolean step(String marker, String username, Runnable load) {
        return once.run(marker, () -> ActingAs.as(account(username), load));
    }

    /**
     * Stops the load rather than record a step as nobody: the only database without the account is
     * one whose demo directory was loaded before the account was part of it.
     */
    private Actor account(String username) {
        return directory.credentials(username).map(AccountCredentials::actor)
                .orElseThrow(() -> new IllegalStateException("The demo city acts as the account '" + username
                        + "', which this database does not have: its demo was loaded before that account was part "
                        + "of it. Load the demo into an empty database, or turn it off (CIVICDESK_DEMO_ENABLED=false)."));
    }
}
