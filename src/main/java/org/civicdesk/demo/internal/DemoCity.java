package org.civicdesk.demo.internal;


import org.civicdesk.directory.AccountCredentials;
import org.civicdesk.directory.Directory;
import org.civicdesk.shared.ActingAs;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.OnceOnly;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Loads the demo city when {@code civicdesk.demo.enabled} is on: its steps in the one order in which
 * each needs the ones before, each once per database however many nodes start together (a step
 * claims its marker, e.g. {@code demo.meetings}, and a database that has it skips the step). Each
 * step acts as the account that would do its work in reality, so the modules check, audit and
 * attribute it as they would that person's.
 *
 * <p>The matters step comes after the meetings: matters are raised at the meetings, by the
 * directory's demo accounts, and assigned to its departments. The deals' organisations outside the
 * city are an administrator's to record, the reserve and the deals a supervisor's.
 */
@Component
@EnableConfigurationProperties(DemoSettings.class)
class DemoCity implements ApplicationRunner {

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

    DemoCity(DemoSettings settings, OnceOnly once, Directory directory, DirectoryDemo directoryDemo,
            MeetingsDemo meetingsDemo, MattersDemo mattersDemo, CharityDemo charityDemo, PlacesDemo placesDemo,
            CallsDemo callsDemo, NoticesDemo noticesDemo, ProjectsDemo projectsDemo) {
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
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.enabled()) {
            return;
        }
        step("demo.directory", ADMIN, directoryDemo::load);
        step("demo.meetings", ADMIN, meetingsDemo::load);
        step("demo.matters", SUPERVISOR, mattersDemo::load);
        step("demo.charity", CHARITY_OFFICER, charityDemo::load);
        step("demo.places", ADMIN, placesDemo::load);
        step("demo.calls", ADMIN, callsDemo::load);
        step("demo.notices", ADMIN, noticesDemo::load);
        step("demo.dealParties", ADMIN, projectsDemo::recordParties);
        step("demo.projects", SUPERVISOR, projectsDemo::load);
        step("demo.projectMeetings", SUPERVISOR, projectsDemo::linkDispatchMeeting);
    }

    private void step(String marker, String username, Runnable load) {
        once.run(marker, () -> ActingAs.as(account(username), load));
    }

    /**
     * Refuses to start rather than record a step as nobody: the only database without the account
     * is one whose demo directory was loaded before the account was part of it.
     */
    private Actor account(String username) {
        return directory.credentials(username).map(AccountCredentials::actor)
                .orElseThrow(() -> new IllegalStateException("The demo city acts as the account '" + username
                        + "', which this database does not have: its demo was loaded before that account was part "
                        + "of it. Load the demo into an empty database, or turn it off (CIVICDESK_DEMO_ENABLED=false)."));
    }
}
