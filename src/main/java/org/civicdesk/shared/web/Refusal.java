package org.civicdesk.shared.web;

import java.io.Serializable;
import java.util.List;

/**
 * A refusal told as a message on the page it came from, when it names no field of a form there: a
 * conflict with the current state, or the bad rows of an imported file.
 *
 * @param details each bad field as the API names it, with why
 */
public record Refusal(String message, List<Detail> details) implements Serializable {

    public Refusal {
        details = List.copyOf(details);
    }

    public record Detail(String field, String message) implements Serializable {
    }
}
