package org.civicdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.civicdesk.directory.OrgKind;
import org.civicdesk.matters.MatterStatus;
import org.civicdesk.matters.MatterType;
import org.civicdesk.shared.Role;
import org.junit.jupiter.api.Test;

/** Every text the user interface shows exists in both languages. */
class MessagesTest {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");
    private static final Pattern FORM_PART = Pattern.compile("labels='([a-zA-Z.]+)'|fragments/form :: (?!hidden)\\w+\\(field='(\\w+)'");
    private static final Pattern JAVA_KEY = Pattern.compile("\"((?:problem|validation)\\.[a-zA-Z.]+[a-zA-Z])\"");

    private final Properties zh = load("/messages.properties");
    private final Properties en = load("/messages_en.properties");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(new TreeSet<>(en.stringPropertyNames())).isEqualTo(new TreeSet<>(zh.stringPropertyNames()));
    }

    @Test
    void everyKeyUsedInATemplateOrInCodeExists() throws IOException {
        Set<String> used = new TreeSet<>();
        used.addAll(scan(Path.of("src/main/resources/templates"), TEMPLATE_KEY));
        used.addAll(scan(Path.of("src/main/java"), JAVA_KEY));
        for (OrgKind kind : OrgKind.values()) {
            used.add("org.kind." + kind);
        }
        for (Role role : Role.values()) {
            used.add("role." + role);
        }
        for (MatterType type : MatterType.values()) {
            used.add("matter.type." + type);
        }
        for (MatterStatus status : MatterStatus.values()) {
            used.add("matter.status." + status);
        }
        for (int status : new int[] { 400, 401, 403, 404, 405, 409, 415, 429, 500 }) {
            used.add("problem.title." + status);
        }
        assertThat(used).hasSizeGreaterThan(50);
        assertThat(zh.stringPropertyNames()).containsAll(used);
        assertThat(en.stringPropertyNames()).containsAll(used);
    }

    /**
     * A field of a form is labelled, on the form and in its error summary, by the message
     * {@code labels + field} (templates/fragments/form.html): a field without one would be named by
     * nothing when it is refused.
     */
    @Test
    void everyFieldOfAFormHasALabel() throws IOException {
        Set<String> labels = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String prefix = null;
                Matcher m = FORM_PART.matcher(Files.readString(f));
                while (m.find()) {
                    if (m.group(1) != null) {
                        prefix = m.group(1);
                    } else {
                        assertThat(prefix).as("labels='…' around the field " + m.group(2) + " in " + f).isNotNull();
                        labels.add(prefix + m.group(2));
                    }
                }
            }
        }
        assertThat(labels).hasSizeGreaterThan(40);
        assertThat(zh.stringPropertyNames()).containsAll(labels);
        assertThat(en.stringPropertyNames()).containsAll(labels);
    }

    @Test
    void noTranslationIsEmpty() {
        zh.forEach((k, v) -> assertThat(v.toString()).as("zh " + k).isNotBlank());
        en.forEach((k, v) -> assertThat(v.toString()).as("en " + k).isNotBlank());
    }

    private static Set<String> scan(Path root, Pattern pattern) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                try {
                    Matcher m = pattern.matcher(Files.readString(f));
                    while (m.find()) {
                        keys.add(m.group(1));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return keys;
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
