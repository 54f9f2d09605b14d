package org.civicdesk.shared.web;

import org.civicdesk.shared.FieldViolation;
import org.civicdesk.shared.ProblemException;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

/**
 * Shows a refusal on the form that caused it: each violation next to its field when the form has
 * that field, on top of the form otherwise. The services name fields as the API does
 * ({@code co[1]}, {@code posts[0].title}); a form holds such a list in one field, so the name is cut
 * at its first index.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static void reject(BindingResult errors, ProblemException e) {
        if (e.violations().isEmpty()) {
            errors.reject(e.messageKey(), e.args(), e.messageKey());
            return;
        }
        BeanWrapperImpl form = errors.getTarget() == null ? null : new BeanWrapperImpl(errors.getTarget());
        for (FieldViolation v : e.violations()) {
            int index = v.field().indexOf('[');
            String field = index > 0 ? v.field().substring(0, index) : v.field();
            if (form != null && form.isReadableProperty(field)) {
                errors.rejectValue(field, v.messageKey(), v.args(), v.messageKey());
            } else {
                errors.reject(v.messageKey(), v.args(), v.messageKey());
            }
        }
    }
}
