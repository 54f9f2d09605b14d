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
     * The demo city and the notifications are modules of their own, and nothing depends on the demo: it
     * only drives the other modules' public commands.
     */
    @Test
    void theDemoCityAndTheNotificationsAreModulesOfTheirOwn() {
        assertThat(modules.getModuleByName("demo")).isPresent();
        assertThat(modules.getModuleByName("notifications")).isPresent();
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
