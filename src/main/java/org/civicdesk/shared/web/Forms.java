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

    /**
     * The name of the form {@code name} on the row {@code row} of a list, for a form repeated on each
     * row ({@link FormPage#row}): Thymeleaf binds a form, its errors and its fields only to a model
     * attribute, so each row's form is one of its own, {@code name_row}. A page adds each row's with
     * {@link #addIfAbsent}, and the template takes it with
     * {@code th:object="${__${'name_' + row}__}"}.
     *
     * @param row the row's id or code, made of letters, digits and underscores
     */
    public static String rowName(String name, Object row) {
        String key = String.valueOf(row);
        if (!key.matches("\\w+")) {
            throw new IllegalArgumentException("A row is named by letters, digits and underscores: " + key);
        }
        return name + "_" + key;
    }
}
