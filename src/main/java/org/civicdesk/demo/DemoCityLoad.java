package org.civicdesk.demo;

import java.time.Duration;

/**
 * Whether the demo city is still being loaded. It loads in the background once the application is
 * ready, so that the first page need not wait for it; the pages say so while it loads, and the API
 * answers once it is in.
 */
public interface DemoCityLoad {

    /** @return whether the demo city is on and not yet all in the database */
    boolean loading();

    /**
     * Waits until the demo city is in (at once when it is off or loaded).
     *
     * @throws IllegalStateException when loading it failed, or it is not in after {@code patience}
     */
    void await(Duration patience);
}
