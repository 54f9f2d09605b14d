package org.civicdesk.matters.internal;

import java.io.Serializable;
import java.util.Optional;

import org.civicdesk.matters.MatterId;
import org.civicdesk.shared.web.FormPage;
import org.civicdesk.shared.web.Forms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The pages of anonymous appeals ({@link AnonymousAppeals}): the report form, the page that shows the
 * tracking code once, and {@code /public/track}, where the code's holder follows the appeal and rates
 * its answer. The code travels only in a form's body, never in an address that logs and referrers
 * keep; once given, the appeal it found is remembered in the reader's session until they forget it.
 */
@Controller
class AnonymousAppealPages {

    private static final String TRACKED = AnonymousAppealPages.class.getName() + ".tracked";

    private final AnonymousAppeals appeals;

    AnonymousAppealPages(AnonymousAppeals appeals) {
        this.appeals = appeals;
    }

    @GetMapping("/public/appeals/new")
    String reportForm(Model model) {
        Forms.addIfAbsent(model, "form", ReportForm::new);
        return "public/report";
    }

    @PostMapping("/public/appeals")
    @FormPage("/public/appeals/new")
    String report(@ModelAttribute("form") ReportForm form, HttpServletRequest request, RedirectAttributes redirect) {
        AnonymousAppeals.Reported reported = appeals.report(form.report(), request.getRemoteAddr());
        request.getSession().setAttribute(TRACKED, reported.matter().value());
        redirect.addFlashAttribute("trackingCode", AnonymousAppeals.grouped(reported.trackingCode()));
        return "redirect:/public/appeals/reported";
    }

    /** The tracking code, shown this once: a reload finds it gone and goes on to the appeal. */
    @GetMapping("/public/appeals/reported")
    String reported(HttpServletRequest request, Model model) {
        Optional<MatterId> tracked = tracked(request);
        if (!model.containsAttribute("trackingCode") || tracked.isEmpty()) {
            return "redirect:/public/track";
        }
        model.addAttribute("tracked", appeals.track(tracked.get()));
        return "public/reported";
    }

    @GetMapping("/public/track")
    String track(HttpServletRequest request, Model model) {
        tracked(request).ifPresent(id -> {
            model.addAttribute("tracked", appeals.track(id));
            model.addAttribute("ratings", Rating.values());
            Forms.addIfAbsent(model, "ratingForm", MatterForms.RatingForm::new);
        });
        Forms.addIfAbsent(model, "form", TrackForm::new);
        return "public/track";
    }

    @PostMapping("/public/track")
    @FormPage("/public/track")
    String find(@ModelAttribute("form") TrackForm form, HttpServletRequest request) {
        MatterId id = appeals.require(form.getCode());
        request.getSession().setAttribute(TRACKED, id.value());
        return "redirect:/public/track";
    }

    @PostMapping("/public/track/evaluation")
    @FormPage("/public/track")
    String rate(@ModelAttribute("ratingForm") MatterForms.RatingForm form, HttpServletRequest request,
            RedirectAttributes redirect) {
        Optional<MatterId> tracked = tracked(request);
        if (tracked.isPresent()) {
            appeals.rate(tracked.get(), form.command());
            redirect.addFlashAttribute("notice", "matters.done.rated");
        }
        return "redirect:/public/track";
    }

    /** Forgets the appeal on this browser, say on a shared computer; the code still finds it. */
    @PostMapping("/public/track/forget")
    String forget(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(TRACKED);
        }
        return "redirect:/public/track";
    }

    private static Optional<MatterId> tracked(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(TRACKED) instanceof Long id ? Optional.of(new MatterId(id))
                : Optional.empty();
    }

    /** 匿名反映: what a resident reports, without a name. */
    public static class ReportForm implements Serializable {
        private String title;
        private String content;
        private String category;
        private String district;

        AnonymousAppeals.Report report() {
            return new AnonymousAppeals.Report(title, content, category, district);
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getContent() {
            return content;
        }

        public void setContent(String content) {
            this.content = content;
        }

        public String getCategory() {
            return category;
        }

        public void setCategory(String category) {
            this.category = category;
        }

        public String getDistrict() {
            return district;
        }

        public void setDistrict(String district) {
            this.district = district;
        }
    }

    /** 查询码: the tracking code as its holder types it. */
    public static class TrackForm implements Serializable {
        private String code;

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }
    }
}
