package org.civicdesk.platform.internal;

import java.io.Serializable;
import java.util.Map;

import org.civicdesk.platform.internal.Verification.Purpose;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.web.FormPage;
import org.civicdesk.shared.web.Forms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The pages residents sign up, reset their password and sign in with a code on. They are under {@code /public/}, so
 * every submission also counts against the per-address limit on public writes
 * ({@link PublicWriteLimit}); a password typed into a refused form is never sent back to the page.
 */
@Controller
class ResidentPages {

    /** Where each purpose's pages are, under {@code /public/}. */
    private static final Map<Purpose, String> PATHS = Map.of(Purpose.SIGN_UP, "sign-up", Purpose.PASSWORD_RESET,
            "password-reset", Purpose.SIGN_IN, "sign-in-code");

    private final ResidentAccess access;
    private final CodeSignIn signIns;
    private final Verification.Settings codes;

    ResidentPages(ResidentAccess access, CodeSignIn signIns, Verification.Settings codes) {
        this.access = access;
        this.signIns = signIns;
        this.codes = codes;
    }

    @GetMapping("/public/sign-up")
    String signUp(Model model) {
        Forms.addIfAbsent(model, "form", SignUpForm::new);
        ((SignUpForm) model.getAttribute("form")).setPassword(null);
        return "residents/sign-up";
    }

    @PostMapping("/public/sign-up")
    @FormPage("/public/sign-up")
    String startSignUp(@ModelAttribute("form") SignUpForm form, HttpServletRequest request,
            RedirectAttributes redirect) {
        redirect.addAttribute("ticket", access.startSignUp(form.command(), request.getRemoteAddr()));
        return "redirect:/public/sign-up/{ticket}";
    }

    @GetMapping("/public/sign-up/{ticket}")
    String signUpCode(@PathVariable String ticket, Model model) {
        return codePage(Purpose.SIGN_UP, ticket, model);
    }

    @PostMapping("/public/sign-up/{ticket}")
    @FormPage("/public/sign-up/{ticket}")
    String finishSignUp(@PathVariable String ticket, @ModelAttribute("form") CodeForm form) {
        access.finishSignUp(ticket, form.getCode());
        return "redirect:/login?signedUp";
    }

    @GetMapping("/public/password-reset")
    String reset(Model model) {
        Forms.addIfAbsent(model, "form", ContactForm::new);
        return "residents/reset";
    }

    @PostMapping("/public/password-reset")
    @FormPage("/public/password-reset")
    String startReset(@ModelAttribute("form") ContactForm form, HttpServletRequest request,
            RedirectAttributes redirect) {
        redirect.addAttribute("ticket", access.startReset(form.getContact(), request.getRemoteAddr()));
        return "redirect:/public/password-reset/{ticket}";
    }

    @GetMapping("/public/password-reset/{ticket}")
    String resetCode(@PathVariable String ticket, Model model) {
        return codePage(Purpose.PASSWORD_RESET, ticket, model);
    }

    @PostMapping("/public/password-reset/{ticket}")
    @FormPage("/public/password-reset/{ticket}")
    String finishReset(@PathVariable String ticket, @ModelAttribute("form") CodeForm form) {
        access.finishReset(ticket, form.getCode(), form.getPassword());
        return "redirect:/login?reset";
    }

    /** The mobile number a sign-in code goes to is asked for on the sign-in page. */
    @PostMapping("/public/sign-in-code")
    @FormPage("/login")
    String startSignIn(@ModelAttribute("phoneForm") PhoneForm form, HttpServletRequest request,
            RedirectAttributes redirect) {
        redirect.addAttribute("ticket", access.startSignIn(form.getPhone(), request.getRemoteAddr()));
        return "redirect:/public/sign-in-code/{ticket}";
    }

    @GetMapping("/public/sign-in-code/{ticket}")
    String signInCode(@PathVariable String ticket, Model model) {
        return codePage(Purpose.SIGN_IN, ticket, model);
    }

    @PostMapping("/public/sign-in-code/{ticket}")
    @FormPage("/public/sign-in-code/{ticket}")
    String finishSignIn(@PathVariable String ticket, @ModelAttribute("form") CodeForm form,
            HttpServletRequest request, HttpServletResponse response) {
        signIns.signIn(ticket, form.getCode(), request, response);
        return "redirect:/desk";
    }

    private String codePage(Purpose purpose, String ticket, Model model) {
        model.addAttribute("sentTo", access.sentTo(purpose, ticket)
                .orElseThrow(() -> Problems.notFound("verification", ticket)));
        model.addAttribute("ticket", ticket);
        model.addAttribute("purpose", PATHS.get(purpose));
        model.addAttribute("reset", purpose == Purpose.PASSWORD_RESET);
        model.addAttribute("signIn", purpose == Purpose.SIGN_IN);
        model.addAttribute("minutes", codes.lifetime().toMinutes());
        Forms.addIfAbsent(model, "form", CodeForm::new);
        ((CodeForm) model.getAttribute("form")).setPassword(null);
        return "residents/code";
    }

    /** 注册. */
    public static class SignUpForm implements Serializable {
        private String contact;
        private String displayName;
        private String password;
        private boolean consent;

        ResidentAccess.SignUp command() {
            return new ResidentAccess.SignUp(contact, displayName, password, consent);
        }

        public String getContact() {
            return contact;
        }

        public void setContact(String contact) {
            this.contact = contact;
        }

        public String getDisplayName() {
            return displayName;
        }

        public void setDisplayName(String displayName) {
            this.displayName = displayName;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public boolean isConsent() {
            return consent;
        }

        public void setConsent(boolean consent) {
            this.consent = consent;
        }
    }

    /** 找回密码: the number or address a code goes to. */
    public static class ContactForm implements Serializable {
        private String contact;

        public String getContact() {
            return contact;
        }

        public void setContact(String contact) {
            this.contact = contact;
        }
    }

    /** 短信验证码登录: the mobile number a sign-in code goes to. */
    public static class PhoneForm implements Serializable {
        private String phone;

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }
    }

    /** The code that came back, and for a password reset the new password. */
    public static class CodeForm implements Serializable {
        private String code;
        private String password;

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }
}
