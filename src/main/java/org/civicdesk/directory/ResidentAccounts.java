package org.civicdesk.directory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.civicdesk.shared.FieldViolation;
import org.civicdesk.shared.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * 群众账户 — the accounts residents open themselves, each named by the mobile number or e-mail
 * address it was verified with. Whoever calls these has verified that number or address first.
 */
public interface ResidentAccounts {

    /** The username of the account verified with this number or address, if any. */
    Optional<String> usernameByContact(Contact contact);

    /**
     * Opens a RAISER account whose username is the number or address; refused as {@link #taken()} when an account
     * already has it.
     *
     * @param passwordHash the password, already hashed by the directory's {@code PasswordEncoder}
     * @param privacyNoticeVersion the version of the personal-information notice its holder agreed to
     */
    AccountSummary open(Contact contact, String displayName, String passwordHash, String privacyNoticeVersion,
            Instant consentedAt);

    /**
     * Gives the account a new password; as when an administrator changes it, every session and token
     * of the account ends ({@link AccountChanged}).
     */
    void resetPassword(String username, String newPassword);

    /** 409 DUPLICATE on {@code contact}: an account already has this number or address. */
    static ProblemException taken() {
        return new ProblemException(HttpStatus.CONFLICT, "DUPLICATE", "problem.contactTaken",
                List.of(new FieldViolation("contact", "problem.contactTaken")));
    }
}
