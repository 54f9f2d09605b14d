package org.civicdesk.notifications.internal;

import java.io.Serializable;
import java.util.Locale;
import java.util.Optional;

import org.civicdesk.matters.MatterId;
import org.civicdesk.matters.PublicMatters;
import org.civicdesk.notices.PublishedNotices;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.web.FormPage;
import org.civicdesk.shared.web.Forms;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Following a public matter and subscribing to notices by kind, signed in or by e-mail, and the links
 * of the e-mails: confirm, and unsubscribe in one click. A visitor is never told whether an address
 * was subscribed already: the answer to a request is the same either way.
 */
@Controller
class SubscriptionPages {

    private final Subscriptions subscriptions;
    private final SubscriptionMail mail;
    private final Followers followers;
    private final PublicMatters matters;
    private final PublishedNotices notices;

    SubscriptionPages(Subscriptions subscriptions, SubscriptionMail mail, Followers followers, PublicMatters matters,
            PublishedNotices notices) {
        this.subscriptions = subscriptions;
        this.mail = mail;
        this.followers = followers;
        this.matters = matters;
        this.notices = notices;
    }

    /** A visitor's request: the address, the kind of notice (for notices), and consent to the notice. */
    public static class SubscribeForm implements Serializable {

        private static final long serialVersionUID = 1L;

        private String email;
        private String kind;
        private boolean consent;

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public boolean isConsent() {
            return consent;
        }

        public void setConsent(boolean consent) {
            this.consent = consent;
        }
    }

    // --- a public matter

    @GetMapping("/public/follow/matters/{id}")
    String matter(@PathVariable long id, Model model) {
        model.addAttribute("matterId", id);
        model.addAttribute("title", title(id));
        model.addAttribute("following", Actor.current()
                .map(a -> subscriptions.follows(Subscriptions.Topic.matter(id), a.username())).orElse(false));
        Forms.addIfAbsent(model, "form", SubscribeForm::new);
        return "notifications/follow";
    }

    @PostMapping("/public/follow/matters/{id}")
    @FormPage("/public/follow/matters/{id}")
    @Transactional
    String follow(@PathVariable long id, @ModelAttribute("form") SubscribeForm form, RedirectAttributes redirect) {
        String title = title(id);
        Subscriptions.Topic topic = Subscriptions.Topic.matter(id);
        return subscribe(topic, title, form, redirect, "/public/follow/matters/" + id);
    }

    @PostMapping("/public/follow/matters/{id}/stop")
    @FormPage("/public/follow/matters/{id}")
    String unfollow(@PathVariable long id, RedirectAttributes redirect) {
        subscriptions.unfollow(Subscriptions.Topic.matter(id), Actor.require().username());
        redirect.addFlashAttribute("notice", "subscription.done.unfollowed");
        return "redirect:/public/follow/matters/" + id;
    }

    private String title(long id) {
        return matters.publishedTitle(new MatterId(id)).orElseThrow(() -> Problems.notFound("answer", id));
    }

    // --- notices by kind

    /** A kind with whether the signed-in reader subscribed to it. */
    record KindLine(String kind, boolean subscribed) {
    }

    @GetMapping("/public/notice-subscriptions")
    String notices(Model model) {
        Optional<Actor> actor = Actor.current();
        model.addAttribute("kinds", notices.kinds().stream()
                .map(k -> new KindLine(k, actor.map(a -> subscriptions.follows(Subscriptions.Topic.notices(k),
                        a.username())).orElse(false)))
                .toList());
        Forms.addIfAbsent(model, "form", SubscribeForm::new);
        return "notifications/notice-subscriptions";
    }

    @PostMapping("/public/notice-subscriptions")
    @FormPage("/public/notice-subscriptions")
    @Transactional
    String subscribeToNotices(@ModelAttribute("form") SubscribeForm form, RedirectAttributes redirect) {
        String kind = form.getKind();
        Checks checks = new Checks();
        checks.required("kind", kind).check(kind == null || notices.kinds().contains(kind), "kind",
                "validation.oneOf", String.join(", ", notices.kinds()));
        checks.throwIfAny();
        return subscribe(Subscriptions.Topic.notices(kind), null, form, redirect, "/public/notice-subscriptions");
    }

    @PostMapping("/public/notice-subscriptions/stop")
    @FormPage("/public/notice-subscriptions")
    String unsubscribeFromNotices(@RequestParam String kind, RedirectAttributes redirect) {
        subscriptions.unfollow(Subscriptions.Topic.notices(kind), Actor.require().username());
        redirect.addFlashAttribute("notice", "subscription.done.unfollowed");
        return "redirect:/public/notice-subscriptions";
    }

    /**
     * A signed-in reader follows at once; a visitor gives an address and consent, and is mailed the
     * confirmation link unless the address is subscribed already.
     */
    private String subscribe(Subscriptions.Topic topic, String matterTitle, SubscribeForm form,
            RedirectAttributes redirect, String back) {
        Locale language = LocaleContextHolder.getLocale();
        Optional<Actor> actor = Actor.current();
        if (actor.isPresent()) {
            subscriptions.follow(topic, actor.get().username(), language);
            redirect.addFlashAttribute("notice", "subscription.done.followed");
            return "redirect:" + back;
        }
        String email = form.getEmail() == null || form.getEmail().isBlank() ? null : form.getEmail().trim();
        Checks checks = new Checks();
        checks.required("email", email).maxLength("email", email, 254)
                .matches("email", email, NotificationPages.EMAIL, "validation.email")
                .check(form.isConsent(), "consent", "validation.consentRequired");
        checks.throwIfAny();
        subscriptions.request(topic, email.toLowerCase(Locale.ROOT), language).ifPresent(s -> mail.confirmation(s,
                followers.describe(topic, matterTitle, Languages.supported(language))));
        redirect.addFlashAttribute("notice", "subscription.done.confirmationSent");
        return "redirect:" + back;
    }

    // --- the links of the e-mails, which need no sign-in

    /** Opened from the confirmation e-mail: the subscription counts from now on. */
    @GetMapping("/public/subscriptions/{token}/confirm")
    String confirm(@PathVariable String token, Model model) {
        Optional<Subscriptions.Subscription> confirmed = subscriptions.confirm(token);
        confirmed.ifPresent(s -> model.addAttribute("token", s.token()));
        return state(model, confirmed.isPresent() ? "confirmed" : "unknown");
    }

    /** The unsubscribe link opened in a browser: a button, so that a link checker unsubscribes nobody. */
    @GetMapping("/public/subscriptions/{token}/unsubscribe")
    String unsubscribePage(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        return state(model, subscriptions.byToken(token).isPresent() ? "unsubscribe" : "unknown");
    }

    /**
     * One click, from the page's button or from a mail program (RFC 8058, a POST of
     * {@code List-Unsubscribe=One-Click} without cookies, hence without a CSRF token): the subscription
     * ends and its address is forgotten. An unknown or used link answers the same.
     */
    @PostMapping("/public/subscriptions/{token}/unsubscribe")
    String unsubscribe(@PathVariable String token, Model model) {
        subscriptions.unsubscribe(token);
        return state(model, "unsubscribed");
    }

    /** The page of a link, by where the subscription stands: its heading and text. */
    private static String state(Model model, String state) {
        model.addAttribute("state", state);
        model.addAttribute("heading", switch (state) {
            case "confirmed" -> "subscription.confirmed.title";
            case "unsubscribe" -> "subscription.unsubscribe.title";
            case "unsubscribed" -> "subscription.unsubscribed.title";
            default -> "subscription.unknown.title";
        });
        model.addAttribute("text", switch (state) {
            case "confirmed" -> "subscription.confirmed.text";
            case "unsubscribe" -> "subscription.unsubscribe.text";
            case "unsubscribed" -> "subscription.unsubscribed.text";
            default -> "subscription.unknown.text";
        });
        return "notifications/subscription";
    }
}
