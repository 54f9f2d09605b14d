package org.civicdesk.matters.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * Every name the matters pages and refusals show for an action, a state, a class, a rating or a
 * history entry exists in both languages; a missing one would show as ??key?? or as a code.
 */
class MatterMessagesTest {

    @Test
    void everyActionStateClassAndHistoryEntryHasItsWords() {
        List<String> keys = new ArrayList<>();
        for (MatterAction a : MatterAction.values()) {
            keys.add("matters.action." + a);
        }
        for (CaseAction a : CaseAction.values()) {
            keys.add("matters.action." + a);
        }
        for (CaseStatus s : CaseStatus.values()) {
            keys.add("case.status." + s);
        }
        for (CaseRole r : CaseRole.values()) {
            keys.add("case.role." + r);
        }
        for (AnswerCategory c : AnswerCategory.values()) {
            keys.add("answer.category." + c);
        }
        for (Rating r : Rating.values()) {
            keys.add("matter.rating." + r);
            keys.add("matter.event.RATED_" + r);
        }
        for (ContactMethod m : ContactMethod.values()) {
            keys.add("contact.method." + m);
            keys.add("matter.event.CONTACT_" + m);
        }
        for (Channel c : Channel.values()) {
            keys.add("matter.channel." + c);
        }
        for (String kind : List.of("RAISED", "ACCEPTED", "REJECTED", "MERGED", "ASSIGNED", "REASSIGNED", "SIGNED",
                "RETURNED", "EXTENSION_REQUESTED", "EXTENSION_GRANTED", "EXTENSION_REFUSED", "OPINION_SENT",
                "ANSWERED", "FOLLOW_UP", "FOLLOW_UP_SOLVED", "CLOSED_UNRATED", "MARKED_KEY", "UNMARKED_KEY",
                "REMINDED", "NOTIFIED_DUE_SOON", "NOTIFIED_OVERDUE")) {
            keys.add("matter.event." + kind);
        }
        for (String file : List.of("/messages.properties", "/messages_en.properties")) {
            assertThat(load(file).stringPropertyNames()).as(file).containsAll(keys);
        }
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = MatterMessagesTest.class.getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
