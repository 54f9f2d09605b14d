package org.civicdesk.notifications.internal;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.civicdesk.directory.AccountContact;
import org.civicdesk.directory.Directory;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.CitySettings;
import org.civicdesk.shared.web.FormPage;
import org.civicdesk.shared.web.Forms;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reader's notifications: the bell's unread count (loaded into the header by htmx), the list with
 * mark-read, and the choice of channels per kind with the address they go to. Each shows only the
 * signed-in reader's own notifications and contact details.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class NotificationPages {

    private static final int PAGE = 30;
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

    private final Notifications notifications;
    private final NotificationTexts texts;
    private final Preferences preferences;
    private final Directory directory;
    private final CitySettings city;
    private final Languages languages;

    NotificationPages(Notifications notifications, NotificationTexts texts, Preferences preferences,
            Directory directory, CitySettings city, Languages languages) {
        this.city = city;
        this.languages = languages;
        this.notifications = notifications;
        this.texts = texts;
        this.preferences = preferences;
        this.directory = directory;
    }

    /** One line of the list, in the reader's language. */
    record Line(long id, String kind, String text, String href, boolean read, LocalDateTime at) {
    }

    @GetMapping("/notifications")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        Notifications.Reader reader = Notifications.Reader.of(Actor.require());
        int p = Math.max(0, page);
        List<Line> lines = notifications.of(reader, p * PAGE, PAGE).stream()
                .map(n -> new Line(n.id(), n.kind(), texts.text(n, LocaleContextHolder.getLocale()), n.href(),
                        n.read(), n.createdAt().atZoneSameInstant(city.timeZone()).toLocalDateTime()))
                .toList();
        model.addAttribute("lines", lines);
        model.addAttribute("page", p);
        model.addAttribute("hasMore", (long) (p + 1) * PAGE < notifications.count(reader));
        model.addAttribute("unread", notifications.unread(reader));
        return "notifications/list";
    }

    /**
     * The bell's badge, which the header loads and refreshes on every page: where the language the
     * reader uses is noted too, for what reaches them outside the app.
     */
    @GetMapping("/notifications/bell")
    String bell(Model model) {
        Actor actor = Actor.require();
        languages.used(actor.username(), LocaleContextHolder.getLocale());
        model.addAttribute("unread", notifications.unread(Notifications.Reader.of(actor)));
        return "fragments/bell :: count";
    }

    /** Marks one read; with {@code open}, goes on to the page it is about. */
    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable long id, @RequestParam(defaultValue = "false") boolean open,
            @RequestParam(defaultValue = "0") int page) {
        Notifications.Reader reader = Notifications.Reader.of(Actor.require());
        notifications.markRead(reader, id);
        if (open) {
            String href = notifications.find(reader, id).map(Notifications.Notification::href)
                    .filter(h -> h.startsWith("/")).orElse(null);
            if (href != null) {
                return "redirect:" + href;
            }
        }
        return "redirect:/notifications?page=" + Math.max(0, page);
    }

    @PostMapping("/notifications/read-all")
    String readAll() {
        notifications.markAllRead(Notifications.Reader.of(Actor.require()));
        return "redirect:/notifications";
    }

    /** The settings form: the address, and each ticked box as {@code KIND.EMAIL} or {@code KIND.SMS}. */
    public static class SettingsForm implements Serializable {

        private static final long serialVersionUID = 1L;

        private String email;
        private String phone;
        private List<String> choices = new ArrayList<>();

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public List<String> getChoices() {
            return choices;
        }

        public void setChoices(List<String> choices) {
            this.choices = choices == null ? new ArrayList<>() : choices;
        }
    }

    @GetMapping("/notifications/settings")
    String settings(Model model) {
        String me = Actor.require().username();
        Forms.addIfAbsent(model, "form", () -> {
            SettingsForm form = new SettingsForm();
            AccountContact own = preferences.ownAddress(me);
            form.setEmail(own.email());
            form.setPhone(own.phone());
            preferences.all(me).forEach((kind, c) -> {
                if (c.email()) {
                    form.getChoices().add(kind + ".EMAIL");
                }
                if (c.sms()) {
                    form.getChoices().add(kind + ".SMS");
                }
            });
            return form;
        });
        AccountContact record = directory.contactOf(me).orElse(new AccountContact(null, null));
        model.addAttribute("record", record);
        model.addAttribute("groups", Kind.Group.values());
        Map<Kind.Group, List<Kind>> kinds = new EnumMap<>(Kind.Group.class);
        for (Kind.Group g : Kind.Group.values()) {
            kinds.put(g, Kind.of(g));
        }
        model.addAttribute("kinds", kinds);
        return "notifications/settings";
    }

    /**
     * Saves every choice at once. A channel needs an address: the one given here, or the person
     * record's; an address given is checked, and nothing is saved while anything is wrong.
     */
    @PostMapping("/notifications/settings")
    @FormPage("/notifications/settings")
    String save(@ModelAttribute("form") SettingsForm form, RedirectAttributes redirect) {
        String me = Actor.require().username();
        String email = blankToNull(form.getEmail());
        String phone = blankToNull(form.getPhone());
        Checks checks = new Checks();
        checks.maxLength("email", email, 254).matches("email", email, EMAIL, "validation.email");
        checks.matches("phone", phone, MOBILE, "validation.mobile");
        Map<Kind, Preferences.Choice> choices = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            choices.put(kind, new Preferences.Choice(form.getChoices().contains(kind + ".EMAIL"),
                    form.getChoices().contains(kind + ".SMS")));
        }
        AccountContact record = directory.contactOf(me).orElse(new AccountContact(null, null));
        boolean wantsEmail = choices.values().stream().anyMatch(Preferences.Choice::email);
        boolean wantsSms = choices.values().stream().anyMatch(Preferences.Choice::sms);
        checks.check(!wantsEmail || email != null || blankToNull(record.email()) != null, "email",
                "validation.emailNeeded");
        checks.check(!wantsSms || phone != null || blankToNull(record.phone()) != null, "phone",
                "validation.phoneNeeded");
        checks.throwIfAny();
        preferences.save(me, choices, new AccountContact(email, phone));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/notifications/settings";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
