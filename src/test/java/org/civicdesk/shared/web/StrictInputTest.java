package org.civicdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.civicdesk.shared.InputRules;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/** The JSON reader's rules, on the mapper as the application builds it. */
class StrictInputTest {

    record Body(String title, LocalDate dueDate, OffsetDateTime startsAt, Boolean publish, Integer quota,
            List<String> roles) {
    }

    private final JsonMapper json = mapper();

    private static JsonMapper mapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new StrictInput().strictInputJson().customize(builder);
        return builder.build();
    }

    private Body read(String body) {
        return json.readValue(body, Body.class);
    }

    @Test
    void readsWhatTheContractDocuments() {
        Body body = read("""
                {"title":"路灯\\t不亮\\r\\n第二行 😀","dueDate":"2100-12-31","startsAt":"1900-01-01T00:00:00Z",
                 "publish":true,"quota":3,"roles":["ADMIN"]}""");
        assertThat(body.title()).isEqualTo("路灯\t不亮\r\n第二行 😀");
        assertThat(body.dueDate()).isEqualTo(InputRules.LATEST);
        assertThat(body.publish()).isTrue();
        assertThat(body.quota()).isEqualTo(3);
        assertThat(read("{\"dueDate\":\"1900-01-01\"}").dueDate()).isEqualTo(InputRules.EARLIEST);
    }

    @Test
    void refusesDatesOutOfBoundsNamingTheField() {
        assertRefused("{\"dueDate\":\"+1000000-01-01\"}", "dueDate", InputRules.DATE_RANGE);
        assertRefused("{\"dueDate\":\"2101-01-01\"}", "dueDate", InputRules.DATE_RANGE);
        assertRefused("{\"dueDate\":\"1899-12-31\"}", "dueDate", InputRules.DATE_RANGE);
        assertRefused("{\"startsAt\":\"2101-01-01T09:00:00+08:00\"}", "startsAt", InputRules.DATE_RANGE);
    }

    @Test
    void refusesControlCharactersAndLoneSurrogatesInAnyText() {
        assertRefused("{\"title\":\"a\\u0000b\"}", "title", InputRules.CONTROL_CHARACTER);
        assertRefused("{\"title\":\"a\\u001Bb\"}", "title", InputRules.CONTROL_CHARACTER);
        assertRefused("{\"title\":\"a\\u007Fb\"}", "title", InputRules.CONTROL_CHARACTER);
        assertRefused("{\"title\":\"a\\uD83Db\"}", "title", InputRules.CONTROL_CHARACTER);
        assertRefused("{\"title\":\"a\\uDE00\"}", "title", InputRules.CONTROL_CHARACTER);
        assertRefused("{\"roles\":[\"ADMIN\",\"\\u0000\"]}", "roles", InputRules.CONTROL_CHARACTER);
    }

    @Test
    void refusesCoercions() {
        for (String bad : List.of("{\"publish\":1}", "{\"publish\":0}", "{\"publish\":\"true\"}", "{\"publish\":1.0}")) {
            assertThatThrownBy(() -> read(bad)).as(bad).isInstanceOf(DatabindException.class);
        }
        for (String bad : List.of("{\"quota\":2.5}", "{\"quota\":\"2\"}", "{\"quota\":2.0}", "{\"quota\":true}")) {
            assertThatThrownBy(() -> read(bad)).as(bad).isInstanceOf(DatabindException.class);
        }
    }

    private void assertRefused(String body, String field, String messageKey) {
        assertThatThrownBy(() -> read(body)).as(body).isInstanceOfSatisfying(StrictInput.RefusedValue.class, e -> {
            assertThat(e.getPath().get(0).getPropertyName()).isEqualTo(field);
            assertThat(e.violation().messageKey()).isEqualTo(messageKey);
        });
    }
}
