package org.civicdesk.shared.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Adds what every page's layout needs to the model of each page a controller renders. It takes the
 * place of a {@code @ModelAttribute} method in a {@code @ControllerAdvice}, which Spring MVC would
 * call for every API request too (a REST controller is a controller), on the city's busiest paths,
 * for answers that have no model. A module declares one as a bean; {@link PageModels} applies them.
 */
@FunctionalInterface
public interface PageModel {

    /** Puts this module's attributes into the model of a page being rendered for the request. */
    void addTo(HttpServletRequest request, Map<String, Object> model);
}
