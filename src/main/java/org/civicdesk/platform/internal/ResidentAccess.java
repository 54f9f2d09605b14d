package org.civicdesk.platform.internal;

import java.util.Optional;

import org.civicdesk.directory.AccountCredentials;
import org.civicdesk.directory.AccountSummary;
import org.civicdesk.directory.Contact;
import org.civicdesk.directory.Directory;
import org.civicdesk.directory.ResidentAccounts;
import org.civicdesk.platform.internal.Verification.Pending;
import org.civicdesk.platform.internal.Verification.Purpose;
import org.civicdesk.platform.internal.Verification.Waiting;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.PrivacyNotice;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 群众注册、找回密码与短信登录 — how residents open an account themselves, get back into it and sign
 * in without a password: each proves that they hold the mobile number or e-mail address with a code
 * sent to it ({@link Verification}).
 * A sign-up waits, with its password already hashed, until its code comes back; only then is the
 * account opened, with the role RAISER and the version of the personal-information notice agreed to.
 */
@Service
class ResidentAccess {

    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 128;

    /** What a resident fills in to sign up. */
    record SignUp(String contact, String displayName, String password, boolean consent) {
    }

    private final Verification verification;
    private final ResidentAccounts accounts;
    private final Directory directory;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transaction;

    ResidentAccess(Verification verification, ResidentAccounts accounts, Directory directory,
            PasswordEncoder passwords, TransactionTemplate transaction) {
        this.verification = verification;
        this.accounts = accounts;
        this.directory = directory;
        this.passwords = passwords;
        this.transaction = transaction;
    }

    /**
     * Checks the sign-up whole and sends a code to the number or address. A number or address that
     * has an account already is answered just the same, so that nobody learns from a sign-up whose
     * number has an account; its holder is told instead, and no code exists that could open a second
     * account.
     *
     * @param client the address the request came from, for the per-client limit on codes
     * @return the ticket of the code
     */
    String startSignUp(SignUp signUp, String client) {
        Checks checks = new Checks();
        Contact contact = contact(checks, signUp.contact());
        checks.required("displayName", signUp.displayName()).maxLength("displayName", signUp.displayName(), 100);
        password(checks, "password", signUp.password());
        checks.check(signUp.consent(), "consent", "validation.consentRequired");
        checks.throwIfAny();
        boolean taken = accounts.usernameByContact(contact).isPresent();
        Waiting waiting = new Waiting(null, signUp.displayName().strip(), passwords.encode(signUp.password()),
                PrivacyNotice.VERSION);
        return transaction.execute(s -> {
            String ticket = verification.issue(Purpose.SIGN_UP, contact, waiting, client, !taken);
            if (taken) {
                verification.tell(contact, "verification.sign_up_taken");
            }
            return ticket;
        });
    }

    /** Opens the account once the code is right; its username is the number or address. */
    AccountSummary finishSignUp(String ticket, String code) {
        Pending pending = verification.check(Purpose.SIGN_UP, ticket, code);
        return transaction.execute(s -> {
            if (!verification.use(pending)) {
                throw Verification.usedMeanwhile();
            }
            return accounts.open(pending.contact(), pending.displayName(), pending.passwordHash(),
                    pending.privacyNoticeVersion(), pending.createdAt().toInstant());
        });
    }

    /**
     * Sends a code to the number or address if an account has it; the answer is the same either way,
     * so that nobody learns from it whose number has an account.
     */
    String startReset(String typed, String client) {
        Checks checks = new Checks();
        Contact contact = contact(checks, typed);
        checks.throwIfAny();
        Optional<String> username = accounts.usernameByContact(contact);
        return transaction.execute(s -> verification.issue(Purpose.PASSWORD_RESET, contact,
                new Waiting(username.orElse(null), null, null, null), client, username.isPresent()));
    }

    /** Sets the new password once the code is right; every session and token of the account ends. */
    void finishReset(String ticket, String code, String newPassword) {
        Checks checks = new Checks();
        password(checks, "password", newPassword);
        checks.throwIfAny();
        Pending pending = verification.check(Purpose.PASSWORD_RESET, ticket, code);
        transaction.executeWithoutResult(s -> {
            if (!verification.use(pending)) {
                throw Verification.usedMeanwhile();
            }
            accounts.resetPassword(pending.username(), newPassword);
        });
    }

    /**
     * 短信验证码登录: sends a sign-in code to the mobile number if an account that may sign in has it;
     * the answer is the same either way, as for a password reset.
     */
    String startSignIn(String typed, String client) {
        Checks checks = new Checks();
        checks.required("phone", typed);
        Optional<Contact> phone = Contact.parse(typed).filter(Contact::phone);
        checks.check(typed == null || typed.isBlank() || phone.isPresent(), "phone", "validation.mobile");
        checks.throwIfAny();
        Optional<String> username = accounts.usernameByContact(phone.get())
                .filter(u -> directory.credentials(u).filter(AccountCredentials::enabled).isPresent());
        return transaction.execute(s -> verification.issue(Purpose.SIGN_IN, phone.get(),
                new Waiting(username.orElse(null), null, null, null), client, username.isPresent()));
    }

    /** The account a sign-in code was sent for, once the code is right; the code is then used up. */
    String finishSignIn(String ticket, String code) {
        Pending pending = verification.check(Purpose.SIGN_IN, ticket, code);
        transaction.executeWithoutResult(s -> {
            // A code for a number without an account was never sent: only a blind guess gets here.
            if (!verification.use(pending) || pending.username() == null) {
                throw Verification.usedMeanwhile();
            }
        });
        return pending.username();
    }

    /** The number or address a ticket's code was sent to, as the page shows it. */
    Optional<String> sentTo(Purpose purpose, String ticket) {
        return verification.find(purpose, ticket).map(p -> p.contact().masked());
    }

    private static Contact contact(Checks checks, String typed) {
        checks.required("contact", typed);
        Optional<Contact> contact = Contact.parse(typed);
        checks.check(typed == null || typed.isBlank() || contact.isPresent(), "contact", "validation.contact");
        return contact.orElse(null);
    }

    private static void password(Checks checks, String field, String password) {
        checks.required(field, password).minLength(field, password, MIN_PASSWORD)
                .maxLength(field, password, MAX_PASSWORD);
    }
}
