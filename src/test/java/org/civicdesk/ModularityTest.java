package org.civicdesk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(CivicDeskApplication.class);

    /** Fails when a module reaches into another module's internals or modules depend on each other in a cycle. */
    @Test
    void modulesKeepTheirBoundaries() {
        modules.verify();
    }

    /**
     * The search, the demo city and the notifications are modules of their own; nothing depends on the
     * demo, which only drives the other modules' public commands, nor on the search, which the modules
     * feed with their events.
     */
    @Test
    void theSearchTheDemoCityAndTheNotificationsAreModulesOfTheirOwn() {
        assertThat(modules.getModuleByName("search")).isPresent();
        assertThat(modules.getModuleByName("demo")).isPresent();
        assertThat(modules.getModuleByName("notifications")).isPresent();
        ApplicationModule search = modules.getModuleByName("search").orElseThrow();
        assertThat(modules.stream().filter(m -> !m.equals(search))
                .filter(m -> m.getDependencies(modules).contains(search)).map(ApplicationModule::getName))
                .isEmpty();
        ApplicationModule demo = modules.getModuleByName("demo").orElseThrow();
        assertThat(modules.stream().filter(m -> !m.equals(demo))
                .filter(m -> m.getDependencies(modules).contains(demo)).map(ApplicationModule::getName))
                .isEmpty();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
