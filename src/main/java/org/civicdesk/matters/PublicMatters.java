package org.civicdesk.matters;

import java.util.Optional;

/** What the public may know of a matter, for other modules that offer something on its public page. */
public interface PublicMatters {

    /**
     * The matter's title as the public reads it (contact details removed), while it has a published
     * answer and is not confidential; empty otherwise.
     */
    Optional<String> publishedTitle(MatterId matter);
}
