package org.civicdesk.shared.web;

import java.util.function.Supplier;

import org.springframework.ui.Model;

/** What the page that shows a form does so that a refused form comes back as the reader filled it. */
public final class Forms {

    private Forms() {
    }

    /**
     * Adds a fresh form, unless a refused one came back through {@link PageExceptionHandler}:
     * replacing that would also drop its errors.
     */
    public static void addIfAbsent(Model model, String name, Supplier<?> form) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, form.get());
        }
    }
}
