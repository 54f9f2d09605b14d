package org.civicdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads a verification code the way its recipient would: from the latest message queued to them in the outbox. */
public final class SentCodes {

    private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");

    private SentCodes() {
    }

    /** The six-digit code in the latest message to the mobile number or e-mail address. */
    public static String codeSentTo(JdbcClient jdbc, String address) {
        List<String> bodies = jdbc.sql("SELECT body FROM outbox_message WHERE address = :a ORDER BY id DESC")
                .param("a", address).query(String.class).list();
        assertThat(bodies).as("messages to " + address).isNotEmpty();
        Matcher m = CODE.matcher(bodies.get(0));
        assertThat(m.find()).as("a code in " + bodies.get(0)).isTrue();
        return m.group(1);
    }
}
