package org.civicdesk.support;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Puts the {@link MutableClock} of a test context back to the wall clock after each test method: the
 * test contexts are shared by many test classes, and a day one test set must not be the next one's.
 * Registered for every test class in {@code META-INF/spring.factories}.
 */
public class MutableClockReset extends AbstractTestExecutionListener {

    @Override
    public void afterTestMethod(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext.getApplicationContext().getBeanProvider(MutableClock.class).ifAvailable(MutableClock::reset);
        }
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }
}
