package org.civicdesk.calls;

/**
 * What a call's organiser does, for other modules that act on someone's behalf (the demo city
 * does). Each command is the one the calls API takes, refused unless the acting person is an
 * organiser (ADMIN), checked and audited as the API does.
 */
public interface Calls {

    /** Opens a call: anyone may apply to it from then on. */
    void open(CallCommand call);
}
