package org.civicdesk.shared.web;

import java.time.ZoneId;
import java.util.Set;

import org.civicdesk.shared.CitySettings;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Gives every template {@code #fmt}, a {@link Formats} in the reader's language and the city's time zone,
 * so no page formats money or dates its own way.
 */
@Component
class FormatsDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final String NAME = "fmt";

    private final ZoneId zone;

    FormatsDialect(CitySettings city) {
        super("Civic Desk formats");
        this.zone = city.timeZone();
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return NAME.equals(expressionObjectName) ? new Formats(context.getLocale(), zone) : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
