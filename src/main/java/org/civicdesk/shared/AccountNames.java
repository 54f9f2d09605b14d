package org.civicdesk.shared;

import java.util.Collection;
import java.util.Map;

/**
 * The names people are shown by instead of their usernames, for the modules that record who did
 * something but come before the directory (the audit trail): the directory answers.
 */
public interface AccountNames {

    /** Each username of an existing account mapped to its display name; unknown ones are left out. */
    Map<String, String> displayNames(Collection<String> usernames);
}
