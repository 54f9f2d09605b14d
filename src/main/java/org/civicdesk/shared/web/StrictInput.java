package org.civicdesk.shared.web;

import java.beans.PropertyEditorSupport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Set;

import org.civicdesk.shared.FieldViolation;
import org.civicdesk.shared.InputRules;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Applies {@link InputRules} to every request, in one place: the JSON reader refuses a date out of
 * bounds or text with a control character, naming the field (400 {@code VALIDATION_FAILED}, see
 * {@link ApiExceptionHandler}), and so does the binder of forms, query parameters and path variables.
 *
 * <p>The JSON reader is strict about types too: a number is not a boolean ({@code "publish":1}), a
 * fraction is not a whole number ({@code 2.5} would become 2) and text is neither, so a client's
 * mistake is refused rather than guessed at. A number is still read where text is expected (money is
 * text in the contract, and a bad amount is refused by its own rules, naming the field).
 */
@Configuration(proxyBeanMethods = false)
class StrictInput implements WebMvcConfigurer {

    private static final Set<Class<?>> TEMPORAL = Set.of(LocalDate.class, LocalDateTime.class, OffsetDateTime.class,
            ZonedDateTime.class, Instant.class);

    @Bean
    JsonMapperBuilderCustomizer strictInputJson() {
        SimpleModule rules = new SimpleModule("civicdesk-input-rules");
        rules.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
                    ValueDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return type == String.class || TEMPORAL.contains(type) ? new Checked(deserializer) : deserializer;
            }
        });
        return builder -> builder.addModule(rules)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /** Reads a value as Jackson would, then holds it to {@link InputRules}. */
    private static final class Checked extends DelegatingDeserializer {

        Checked(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Checked(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            return check(p, super.deserialize(p, ctxt));
        }

        private static Object check(JsonParser p, Object value) {
            FieldViolation violation = violation(null, value);
            if (violation != null) {
                throw new RefusedValue(p, violation);
            }
            return value;
        }
    }

    static FieldViolation violation(String field, Object value) {
        if (value instanceof String text) {
            return InputRules.textViolation(field, text);
        }
        if (value instanceof TemporalAccessor temporal) {
            return InputRules.dateViolation(field, temporal);
        }
        return null;
    }

    /**
     * A value that breaks {@link InputRules}. Jackson adds the path of the field as it unwinds, and
     * {@link ApiExceptionHandler} names the field with the rule's message.
     */
    static final class RefusedValue extends MismatchedInputException {

        private final transient FieldViolation violation;

        RefusedValue(JsonParser p, FieldViolation violation) {
            super(p, violation.messageKey());
            this.violation = violation;
        }

        FieldViolation violation() {
            return violation;
        }
    }

    // --- forms, query parameters and path variables

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, LocalDate.class, bounded(LocalDate::parse));
        registry.addConverter(String.class, OffsetDateTime.class, bounded(OffsetDateTime::parse));
    }

    /**
     * Parses ISO-8601 (what a date field of a form sends, and what {@code @DateTimeFormat(iso = ...)}
     * asks for) and refuses a date out of bounds, which the binder reports on the field.
     */
    private static <T extends TemporalAccessor> Converter<String, T> bounded(Converter<String, T> parse) {
        return text -> {
            if (!StringUtils.hasText(text)) {
                return null;
            }
            T value = parse.convert(text.trim());
            if (!InputRules.withinBounds(value)) {
                throw new IllegalArgumentException("Outside " + InputRules.EARLIEST + ".." + InputRules.LATEST);
            }
            return value;
        };
    }

    /** Holds every text a form, query parameter or path variable binds to {@link InputRules}. */
    @ControllerAdvice
    static class TextBinding {

        @InitBinder
        void text(WebDataBinder binder) {
            binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
                @Override
                public void setAsText(String text) {
                    if (text != null && InputRules.forbiddenCharacter(text) >= 0) {
                        throw new IllegalArgumentException("A control character or a lone surrogate");
                    }
                    setValue(text);
                }
            });
        }
    }
}
