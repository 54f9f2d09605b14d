package org.civicdesk.notifications.internal;

import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The language a person reads what reaches them outside the app in: the one they last used the app
 * in (noted when the bell loads, on every page of a signed-in person), Chinese, the city's language,
 * until they have used any. Accounts keep no language of their own, so the last used one stands for it.
 */
@Component
class Languages {

    static final Locale CITY = Locale.SIMPLIFIED_CHINESE;

    private final JdbcClient jdbc;

    Languages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One of the two languages of the app: English for any English locale, Chinese otherwise. */
    static Locale supported(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : CITY;
    }

    static Locale parse(String tag) {
        return supported(tag == null ? null : Locale.forLanguageTag(tag));
    }

    Locale of(String username) {
        return jdbc.sql("SELECT language FROM notification_language WHERE username = :u").param("u", username)
                .query(String.class).optional().map(Languages::parse).orElse(CITY);
    }

    /** Notes the language the person uses now; writes only when it changed. */
    void used(String username, Locale locale) {
        String tag = supported(locale).toLanguageTag();
        Optional<String> noted = jdbc.sql("SELECT language FROM notification_language WHERE username = :u")
                .param("u", username).query(String.class).optional();
        if (noted.isEmpty()) {
            jdbc.sql("INSERT INTO notification_language (username, language) VALUES (:u, :l) ON CONFLICT DO NOTHING")
                    .param("u", username).param("l", tag).update();
        } else if (!noted.get().equals(tag)) {
            jdbc.sql("UPDATE notification_language SET language = :l WHERE username = :u")
                    .param("u", username).param("l", tag).update();
        }
    }
}
