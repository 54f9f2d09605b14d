package org.civicdesk.directory;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A mobile number (手机号) or an e-mail address a resident is reached at and signs in with, in the
 * one form it is stored and compared in: a mainland mobile number as its eleven digits, without
 * spaces, dashes or China's country code; an e-mail address in lower case.
 *
 * @param phone whether it is a mobile number (else an e-mail address)
 */
public record Contact(boolean phone, String value) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    /** The number or address as typed, if it is one; a number may have spaces, dashes and +86. */
    public static Optional<Contact> parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String text = typed.strip();
        if (text.contains("@")) {
            String email = text.toLowerCase(Locale.ROOT);
            return email.length() <= 254 && EMAIL.matcher(email).matches() ? Optional.of(new Contact(false, email))
                    : Optional.empty();
        }
        String digits = text.replaceAll("[\\s\\-()]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        return MOBILE.matcher(digits).matches() ? Optional.of(new Contact(true, digits)) : Optional.empty();
    }

    /** What a person sees of it where others may look: 138****8000, z***@example.com. */
    public String masked() {
        if (phone) {
            return value.substring(0, 3) + "****" + value.substring(7);
        }
        int at = value.indexOf('@');
        return value.charAt(0) + "***" + value.substring(at);
    }
}
