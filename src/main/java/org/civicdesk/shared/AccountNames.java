package org.civicdesk.shared;

import java.util.Collection;
import java.util.Map;

/**
 * The names people are shown by instead of their usernames, for the modules that record who did
 * something but come before the directory (the audit trail): the directory answers.
 */
public interface AccountNames {

    /**
     * The raiser of every anonymous report (匿名反映): no account is named so, as usernames begin with a
     * letter or a digit. It is shown as an anonymous resident (匿名群众) and is never notified.
     */
    String ANONYMOUS = "~anonymous";

    /**
     * Each username of an existing account mapped to its display name, and {@link #ANONYMOUS} to the
     * words for an anonymous resident in the reader's language; unknown ones are left out.
     */
    Map<String, String> displayNames(Collection<String> usernames);
}
