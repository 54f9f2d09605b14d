package org.civicdesk.support;

import java.time.Duration;

import org.civicdesk.demo.DemoCityLoad;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;
import org.springframework.test.context.support.DependencyInjectionTestExecutionListener;

/**
 * Holds each test class until the demo city of its application context is in: the city loads in the
 * background once the context is ready, and the tests read and change it. The patience is far beyond
 * a load's seconds, so that only a load that stopped fails a test; it is not a measure of speed.
 * Registered for every test class in {@code META-INF/spring.factories}.
 */
public class DemoCityLoaded extends AbstractTestExecutionListener {

    private static final Duration PATIENCE = Duration.ofMinutes(10);

    @Override
    public void prepareTestInstance(TestContext testContext) {
        testContext.getApplicationContext().getBeanProvider(DemoCityLoad.class).ifAvailable(d -> d.await(PATIENCE));
    }

    /** Right after the test's own context is loaded and injected, before any of its set-up runs. */
    @Override
    public int getOrder() {
        return new DependencyInjectionTestExecutionListener().getOrder() + 1;
    }
}
