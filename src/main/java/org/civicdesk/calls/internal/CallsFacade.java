package org.civicdesk.calls.internal;

import org.civicdesk.calls.CallCommand;
import org.civicdesk.calls.Calls;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The calls module's commands for other modules, under the rule its API applies: an organiser gives them. */
@Service
@PreAuthorize("hasRole('ADMIN')")
class CallsFacade implements Calls {

    private final CallService calls;

    CallsFacade(CallService calls) {
        this.calls = calls;
    }

    @Override
    public void open(CallCommand call) {
        calls.create(call);
    }
}
