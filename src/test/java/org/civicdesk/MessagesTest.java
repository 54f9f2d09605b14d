package org.civicdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.civicdesk.directory.OrgKind;
import org.civicdesk.matters.MatterEvent;
import org.civicdesk.matters.MatterStatus;
import org.civicdesk.matters.MatterType;
import org.civicdesk.shared.Role;
import org.junit.jupiter.api.Test;

/** Every text the user interface shows exists in both languages. */
class MessagesTest {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");
    private static final Pattern FORM_PART = Pattern.compile("labels='([a-zA-Z.]+)'|fragments/form :: (?!hidden)\\w+\\(field='(\\w+)'");
    private static final Pattern JAVA_KEY = Pattern.compile("\"((?:problem|validation)\\.[a-zA-Z.]+[a-zA-Z])\"");
    /** A key made of a prefix and a value: #{'series.kind.' + ${s.kind}}, optionLabels='series.kind.'. */
    private static final Pattern TEMPLATE_PREFIX = Pattern.compile(
            "#\\{'([a-zA-Z0-9_.]+\\.)' *\\+|msg(?:OrNull)?\\('([a-zA-Z0-9_.]+\\.)' *\\+|optionLabels='([a-zA-Z0-9_.]+\\.)'");
    /** The thing a 404 names, Problems.notFound("agenda item", id), and the field a duplicate names. */
    private static final Pattern NOT_FOUND = Pattern.compile("notFound(?:In)?\\((?:\"\\w+\", *)?\"([a-z -]+)\"");
    private static final Pattern DUPLICATE = Pattern.compile("Problems\\.duplicate\\(([^;]*?), *[\\w.()]+\\);");
    private static final Pattern LITERAL = Pattern.compile("\"(\\w+)\"");

    /**
     * The values each prefix of a made key takes, by the enums they come from. A prefix the test does
     * not know fails it: add its enum here, or to {@link #OPEN_PREFIXES} with the reason.
     */
    private static final Map<String, List<String>> ENUM_PREFIXES = Map.ofEntries(
            Map.entry("agenda.kind.", List.of("meetings.internal.AgendaKind")),
            Map.entry("map.attribution.", List.of("shared.web.MapSettings$TileProvider")),
            Map.entry("map.note.", List.of("shared.web.MapSettings$TileProvider")),
            Map.entry("answer.category.", List.of("matters.internal.AnswerCategory")),
            Map.entry("attendee.kind.", List.of("meetings.internal.AttendeeKind")),
            Map.entry("calls.sex.", List.of("calls.internal.Sex")),
            Map.entry("calls.status.", List.of("calls.internal.ApplicationStatus")),
            Map.entry("case.role.", List.of("matters.internal.CaseRole")),
            Map.entry("case.status.", List.of("matters.internal.CaseStatus")),
            Map.entry("charity.aid.next.", List.of("charity.internal.Review$Status")),
            Map.entry("charity.status.", List.of("charity.internal.Review$Status")),
            Map.entry("charity.category.", List.of("charity.internal.HouseholdCategory")),
            Map.entry("contact.method.", List.of("matters.internal.ContactMethod")),
            Map.entry("honours.level.", List.of("places.internal.HonourLevel")),
            Map.entry("invitation.", List.of("meetings.internal.InvitationStatus")),
            Map.entry("invitations.state.", List.of("matters.internal.CosignInvitations$State")),
            Map.entry("matter.channel.", List.of("matters.internal.Channel")),
            Map.entry("matter.rating.", List.of("matters.internal.Rating")),
            Map.entry("matter.status.", List.of("matters.MatterStatus")),
            Map.entry("matter.type.", List.of("matters.MatterType")),
            Map.entry("meeting.status.", List.of("meetings.internal.MeetingStatus")),
            Map.entry("notification.kind.", List.of("notifications.internal.Kind")),
            Map.entry("notifications.settings.group.", List.of("notifications.internal.Kind$Group")),
            Map.entry("notices.kind.", List.of("notices.internal.NoticeKind")),
            Map.entry("participants.arrival.", List.of("meetings.internal.ParticipantFilter$Arrival")),
            Map.entry("org.kind.", List.of("directory.OrgKind")),
            Map.entry("participant.role.", List.of("meetings.internal.ParticipantRole")),
            Map.entry("places.booking.status.", List.of("places.internal.BookingStatus")),
            Map.entry("places.kind.", List.of("places.internal.PlaceKind")),
            Map.entry("places.level.", List.of("places.internal.PlaceLevel")),
            Map.entry("projects.approval.", List.of("projects.internal.ApprovalStatus")),
            Map.entry("projects.deals.form.", List.of("projects.internal.DealForm")),
            Map.entry("projects.review.", List.of("projects.internal.ReviewStatus")),
            Map.entry("projects.stage.", List.of("projects.internal.Stage")),
            Map.entry("registration.", List.of("meetings.internal.RegistrationStatus")),
            Map.entry("report.groupBy.", List.of("matters.internal.MatterReports$GroupBy")),
            Map.entry("role.", List.of("shared.Role")),
            Map.entry("series.kind.", List.of("meetings.internal.SeriesKind")));

    /** Prefixes whose values are no enum: each names where its keys are made sure of. */
    private static final Set<String> OPEN_PREFIXES = Set.of(
            "audit.problem.", // the chain's findings, tested by AuditTrailIT
            "board.", // the board's fixed sections, all on the page MatterPagesIT opens
            "notices.status.", // a notice's DRAFT or PUBLISHED, both on the page NoticePagesIT filters by them
            "calendar.weekday.", // ISO day numbers 1 to 7
            "calls.decided.", // the decisions a clerk can take, a part of calls.status.
            "home.module.", // the home page's fixed cards
            "matter.event.", // falls back to the event's kind (msgOrNull)
            "problem.thing.", // the audit page's kinds of record, falling back to the kind's code (msgOrNull)
            "search.kind."); // the kinds of public content, all shown by SearchApiIT's page

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
        for (String what : scan(Path.of("src/main/java"), NOT_FOUND)) {
            used.add("problem.thing." + what.replace(' ', '-'));
        }
        for (String call : scan(Path.of("src/main/java"), DUPLICATE)) {
            Matcher literal = LITERAL.matcher(call);
            while (literal.find()) {
                used.add("problem.field." + literal.group(1));
            }
        }
        for (int status : new int[] { 400, 401, 403, 404, 405, 409, 415, 429, 500 }) {
            used.add("problem.title." + status);
        }
        assertThat(used).hasSizeGreaterThan(50);
        assertThat(zh.stringPropertyNames()).containsAll(used);
        assertThat(en.stringPropertyNames()).containsAll(used);
    }

    /**
     * A key a template makes from a prefix and a value, as #{'series.kind.' + ${s.kind}}, exists for
     * every value: a value without one shows as ??series.kind.CONGRESS_zh_CN??.
     */
    @Test
    void everyValueOfAMadeKeyHasAMessage() throws Exception {
        Set<String> prefixes = scan(Path.of("src/main/resources/templates"), TEMPLATE_PREFIX);
        assertThat(prefixes).as("prefixes neither tied to an enum nor explained")
                .allMatch(p -> ENUM_PREFIXES.containsKey(p) || OPEN_PREFIXES.contains(p));
        Set<String> used = new TreeSet<>();
        for (String prefix : prefixes) {
            for (String type : ENUM_PREFIXES.getOrDefault(prefix, List.of())) {
                for (Object value : Class.forName("org.civicdesk." + type).getEnumConstants()) {
                    used.add(prefix + ((Enum<?>) value).name());
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(zh.stringPropertyNames()).containsAll(used);
        assertThat(en.stringPropertyNames()).containsAll(used);
    }

    /**
     * The audit page names a matter's or case's event by its record's name
     * ({@code case.caseSigned} as audit.action.event.caseSigned): every event has its words.
     */
    @Test
    void everyMatterEventHasAnAuditActionInWords() {
        Set<String> used = new TreeSet<>();
        List<Class<?>> types = new ArrayList<>(List.of(MatterEvent.class.getPermittedSubclasses()));
        while (!types.isEmpty()) {
            Class<?> type = types.remove(0);
            if (type.isInterface()) {
                types.addAll(List.of(type.getPermittedSubclasses()));
            } else {
                String name = type.getSimpleName();
                used.add("audit.action.event." + Character.toLowerCase(name.charAt(0)) + name.substring(1));
            }
        }
        assertThat(used).hasSizeGreaterThan(15);
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
                        for (int g = 1; g <= m.groupCount(); g++) {
                            if (m.group(g) != null) {
                                keys.add(m.group(g));
                            }
                        }
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
