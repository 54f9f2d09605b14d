package org.civicdesk.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The page a form handler's refusals are shown on: the page that shows the form, or for a single
 * button the page it sits on. {@link PageExceptionHandler} sends the reader back there.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FormPage {

    /** The page's address; {@code {name}} takes the value of the handler's path variable of that name. */
    String value();

    /**
     * For a form repeated on each row of a list, the path variable that names its row: a refused form
     * comes back under its name for that row ({@link Forms#rowName}), so that the page shows the
     * values, the summary and the messages on that row only.
     */
    String row() default "";
}
