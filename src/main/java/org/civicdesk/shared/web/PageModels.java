package org.civicdesk.shared.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Applies every {@link PageModel} to a page once its controller has chosen it: not to an API's
 * answer (no model), nor to a redirect, whose model would become the query of the address it sends
 * the browser to. An attribute the controller set itself is left as it is.
 */
@Configuration(proxyBeanMethods = false)
class PageModels implements WebMvcConfigurer, HandlerInterceptor {

    private final ObjectProvider<PageModel> models;
    private List<PageModel> resolved;

    PageModels(ObjectProvider<PageModel> models) {
        this.models = models;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView page) {
        if (page == null || page.getView() instanceof RedirectView
                || page.getViewName() != null && page.getViewName().startsWith("redirect:")) {
            return;
        }
        if (resolved == null) {
            // Looked up on the first page rather than at start-up, when the beans that declare them may
            // not all exist yet; every node resolves the same list, so a race only repeats the lookup.
            resolved = models.orderedStream().toList();
        }
        Map<String, Object> added = new HashMap<>();
        resolved.forEach(model -> model.addTo(request, added));
        added.forEach(page.getModel()::putIfAbsent);
    }
}
