package org.civicdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every handler that sends a refusal back to a page can: its form travels in the session and the
 * page's address can be filled from the handler's own.
 */
class FormPagesTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    @Test
    void everyRefusedFormCanGoBackToItsPage() throws Exception {
        List<Method> handlers = formHandlers();
        assertThat(handlers).hasSizeGreaterThan(20);
        for (Method handler : handlers) {
            String page = handler.getAnnotation(FormPage.class).value();
            String path = path(handler);
            Matcher m = VARIABLE.matcher(page);
            while (m.find()) {
                assertThat(path).as(handler + " has the path variable of " + page).contains("{" + m.group(1) + "}");
            }
            for (Parameter p : handler.getParameters()) {
                if (p.isAnnotationPresent(ModelAttribute.class)) {
                    assertThat(Serializable.class).as(p.getType() + " travels in the session")
                            .isAssignableFrom(p.getType());
                }
            }
        }
    }

    private static List<Method> formHandlers() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        List<Method> handlers = new ArrayList<>();
        for (BeanDefinition bean : scanner.findCandidateComponents("org.civicdesk")) {
            for (Method method : ClassUtils.forName(bean.getBeanClassName(), null).getDeclaredMethods()) {
                if (method.isAnnotationPresent(FormPage.class)) {
                    handlers.add(method);
                }
            }
        }
        return handlers;
    }

    private static String path(Method handler) {
        RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handler.getDeclaringClass(), RequestMapping.class);
        RequestMapping method = AnnotatedElementUtils.findMergedAnnotation(handler, RequestMapping.class);
        return (type == null ? "" : String.join(",", type.path())) + String.join(",", method.path());
    }
}
