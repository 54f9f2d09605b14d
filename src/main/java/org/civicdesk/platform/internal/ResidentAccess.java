package org.civicdesk.platform.internal;

import java.util.Optional;

import org.civicdesk.directory.AccountSummary;
import org.civicdesk.directory.Contact;
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
 * 群众注册与找回密码 — how residents open an account themselves and get back into it: each proves
 * that they hold the mobile number or e-mail address with a code sent to it ({@link Verification}).
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
    private final PasswordEncoder passwords;
    private final TransactionTemplate transaction;

    ResidentAccess(Verification verification, ResidentAccounts accounts, PasswordEncoder passwords,
            TransactionTemplate transaction) {
        this.verification = verification;
        this.accounts = accounts;
        this.passwords = passwords;
        this.transaction = transaction;
    }

    /**
     * Checks the sign-up whole and sends a code to the number or address.
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
        if (accounts.usernameByContact(contact).isPresent()) {
            throw ResidentAccounts.taken();
        }
        Waiting waiting = new Waiting(null, signUp.displayName().strip(), passwords.encode(signUp.password()),
                PrivacyNotice.VERSION);
        return transaction.execute(s -> verification.issue(Purpose.SIGN_UP, contact, waiting, client, true));
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
